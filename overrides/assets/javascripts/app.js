/* Small enhancements. Pages work without them. */

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
/* Material wraps tables after this script runs; its document$ stream says when a page is ready. */
if (window.document$) {
  window.document$.subscribe(appLabelScrollingTables);
} else {
  appLabelScrollingTables();
}
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
