/* Small enhancements. Pages work without them. */

/* Material's script (search, the contents' highlight, back to top, scrolling tables) weighs as much as
   the rest of a page together, and a reader who only reads never needs it. The build (overrides/hooks.py)
   took its tag out of the page and put its address on this script's tag. It loads on the reader's first
   key, tap, click, wheel or focus, or at once on a page opened from a search result (Material highlights
   the words searched for). Every way a person scrolls starts with one of those, so a scroll by a script
   (a link to a heading, a testing tool) does not count. The listeners sit on the document, so a tool
   that keeps the page from seeing its focus events (the gate's focus check) does not start it either.
   Until then the page reads, prints and navigates as it is, and the header's Menu and Search buttons
   below work. Material starts on DOMContentLoaded, which has passed by then: the listener its script
   adds for that event is kept and called once the script has run, and no other listener is called
   twice. When it has started, <html data-app-material="ready"> says so. */
var APP_MATERIAL_SRC = document.currentScript && document.currentScript.getAttribute("data-app-material");
var APP_FIRST_USE = ["keydown", "pointerdown", "touchstart", "wheel", "focusin"];
var appMaterialRequested = false;

document.documentElement.classList.replace("no-js", "js"); /* search is there, as Material's script would say */

function appStartMaterial() {
  if (window.document$) {
    window.document$.subscribe(appLabelScrollingTables);
  }
  document.documentElement.setAttribute("data-app-material", "ready");
}

function appLoadMaterial() {
  if (appMaterialRequested || !APP_MATERIAL_SRC) {
    return;
  }
  appMaterialRequested = true;
  APP_FIRST_USE.forEach(function (type) {
    document.removeEventListener(type, appLoadMaterial, true);
  });
  var listeners = [];
  document.addEventListener = function (type, listener, options) {
    if (type === "DOMContentLoaded") {
      listeners.push(listener);
      return;
    }
    return EventTarget.prototype.addEventListener.call(document, type, listener, options);
  };
  var script = document.createElement("script");
  script.src = APP_MATERIAL_SRC;
  script.onerror = function () {
    delete document.addEventListener; /* the page stays as it is, without search */
  };
  script.onload = function () {
    delete document.addEventListener;
    if (document.readyState === "loading") {
      listeners.push(appStartMaterial); /* a page still loading: the event is still to come */
      listeners.forEach(function (listener) {
        document.addEventListener("DOMContentLoaded", listener, { once: true });
      });
      return;
    }
    var ready = new Event("DOMContentLoaded");
    listeners.forEach(function (listener) {
      if (typeof listener === "function") {
        listener.call(document, ready);
      } else {
        listener.handleEvent(ready);
      }
    });
    appStartMaterial();
  };
  document.body.appendChild(script);
}

/* Material's keys for search (/, s and f) work on the first press too: focus goes to the search field. */
function appSearchKey(event) {
  var field = document.querySelector(".md-search__input");
  var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
  if (!field || typing || event.ctrlKey || event.metaKey || event.altKey || ["/", "s", "f"].indexOf(event.key) < 0) {
    return;
  }
  event.preventDefault();
  var toggle = document.getElementById("__search");
  if (toggle && !toggle.checked) {
    toggle.click();
  }
  field.focus();
}

if (/[?&]h=/.test(location.search)) {
  appLoadMaterial();
} else {
  APP_FIRST_USE.forEach(function (type) {
    document.addEventListener(type, appLoadMaterial, { capture: true, passive: true });
  });
  document.addEventListener("keydown", appSearchKey, { once: true });
}

/* "Print this page": the button is hidden until this runs, so it never shows where it cannot work. */
document.querySelectorAll("[data-app-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

/* A wide table scrolls sideways inside its wrapper. Keyboard users need to reach that scroll area
   (WCAG 2.1.1), so a wrapper that overflows becomes a named, focusable region. */
function appLabelScrollingTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", "Table, scroll sideways to see all of it");
    } else {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  });
}
/* Material wraps tables when its script starts (see appLoadMaterial below). */
window.addEventListener("resize", appLabelScrollingTables);

/* Material opens and closes its drawer, search and sidebar sections with hidden checkboxes. The build
   (overrides/hooks.py) turned the labels that toggled them into elements with data-app-for, which are
   not labels of anything a person uses; a click on one toggles its checkbox, as the label did. A
   section's button, and the section it shows, say whether it is open (aria-expanded). */
document.addEventListener("click", function (event) {
  var toggle = event.target.closest ? event.target.closest("[data-app-for]") : null;
  var input = toggle && document.getElementById(toggle.getAttribute("data-app-for"));
  if (input) {
    input.click();
  }
});
document.querySelectorAll("button[data-app-for]").forEach(function (button) {
  var input = document.getElementById(button.getAttribute("data-app-for"));
  var section = button.id && document.querySelector('[aria-labelledby="' + button.id + '"]');
  if (!input) {
    return;
  }
  input.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(input.checked));
    if (section) {
      section.setAttribute("aria-expanded", String(input.checked));
    }
  });
});

/* On narrow screens, Material's menu (the drawer) and search open over the page from two labels in the header,
   which work without JavaScript but which no keyboard can reach. Each gets a button in its place, named
   "Menu" and "Search". The label stays, hidden: Material's script looks up the search one. Opening either moves
   focus into it, so focus is never left behind it on a covered button; Escape closes the menu, and focus goes
   back to the button that opened it (WCAG 2.1.1, 2.4.3, 2.4.11). Material's own script closes search on
   Escape; focus then returns to the Search button too. */
function appHeaderButton(id, name) {
  var label = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
  if (!label) {
    return null;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.setAttribute("data-app-for", id);
  button.setAttribute("aria-expanded", "false");
  var text = document.createElement("span");
  text.className = "app-visually-hidden";
  text.textContent = name;
  button.appendChild(text);
  while (label.firstChild) {
    button.appendChild(label.firstChild);
  }
  label.hidden = true;
  label.parentNode.insertBefore(button, label);
  return button;
}
function appHeaderToggle(id, name, firstInside) {
  var toggle = document.getElementById(id);
  var button = appHeaderButton(id, name);
  if (!toggle || !button) {
    return;
  }
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });
  toggle.addEventListener("change", function () {
    if (button.offsetParent === null) {
      return; /* a wide screen: the button is not shown, and the menu or search is part of the page */
    }
    if (toggle.checked) {
      var target = document.querySelector(firstInside);
      if (target) {
        target.focus();
      }
    } else if (document.activeElement === document.body || document.activeElement.closest(".md-search, .md-sidebar--primary")) {
      button.focus();
    }
  });
}
appHeaderToggle("__drawer", "Menu", ".md-sidebar--primary a[href]");
appHeaderToggle("__search", "Search", ".md-search__input");
document.addEventListener("keydown", function (event) {
  var drawer = document.getElementById("__drawer");
  if (event.key === "Escape" && drawer && drawer.checked) {
    drawer.click();
  }
});
