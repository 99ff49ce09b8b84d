/* Tools, loaded last: finds the tools on the page and starts each one. window.appTools holds the started
   tools by id. */
(function (kit) {
  "use strict";

  var all = kit.all, element = kit.element, questionsOf = kit.questionsOf, openStorage = kit.openStorage,
    Tool = kit.Tool;

  Tool.prototype.start = function () {
    var tool = this;
    this.parts.forEach(function (part) {
      all(part, "[data-app-tool-no-js]").forEach(function (note) {
        note.hidden = true;
      });
    });
    var storage = this.find("[data-app-tool-storage]");
    if (storage) {
      if (!this.store) {
        storage.textContent = "This browser is not letting the page keep your answers, so they will be lost when " +
          "you leave it: download or print them before you go.";
      }
      storage.hidden = false;
    }
    if (this.summaryPart) {
      this.summaryPart.hidden = false;
      var saved = element("p", "app-tool__saved");
      saved.setAttribute("data-app-tool-saved", "");
      var controls = this.summaryPart.querySelector(".app-tool__controls");
      controls.parentNode.insertBefore(saved, controls);
    }
    this.rowSections().forEach(function (section) {
      tool.initialRows[section.getAttribute("data-app-tool-part")] = questionsOf(section).length;
      tool.updateAddButton(section);
    });
    this.sections.forEach(function (section) {
      tool.addMirrors(section);
    });
    this.load();
    this.refresh();
    this.fitTextareas();

    this.parts.forEach(function (part) {
      part.addEventListener("input", function (event) {
        if (event.target.tagName === "TEXTAREA") {
          event.target.style.height = "";
          if (event.target.scrollHeight > event.target.clientHeight) {
            event.target.style.height = (event.target.scrollHeight + event.target.offsetHeight -
              event.target.clientHeight) + "px";
          }
        }
        window.clearTimeout(tool.saveTimer);
        tool.saveTimer = window.setTimeout(function () {
          tool.save();
          tool.refresh();
        }, 400);
      });
      part.addEventListener("change", function (event) {
        if (!event.target.name || event.target.name.indexOf(tool.prefix) !== 0) {
          return;
        }
        if (tool.save()) {
          window.clearTimeout(tool.announceTimer);
          tool.announceTimer = window.setTimeout(function () {
            tool.announce("Saved in this browser.");
          }, 600);
        }
        tool.refresh();
      });
      part.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("[data-app-tool-action]") : null;
        if (button && part.contains(button)) {
          tool.act(button.getAttribute("data-app-tool-action"), button);
        }
      });
    });
    window.addEventListener("beforeprint", function () {
      tool.refresh();
    });
    window.addEventListener("pagehide", function () {
      if (tool.saveTimer) {
        tool.save();
      }
    });
  };

  function start() {
    var store = openStorage();
    var byTool = {};
    var order = [];
    all(document, "[data-app-tool]").forEach(function (part) {
      var id = part.getAttribute("data-app-tool");
      if (!byTool[id]) {
        byTool[id] = [];
        order.push(id);
      }
      byTool[id].push(part);
    });
    window.appTools = {};
    order.forEach(function (id) {
      var tool = new Tool(id, byTool[id], store);
      tool.start();
      window.appTools[id] = tool;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}(window.appToolKit));
