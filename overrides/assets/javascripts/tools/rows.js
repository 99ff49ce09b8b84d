/* Tools: rows a reader can add ("Add another"), each a copy of the first, emptied and renumbered. */
(function (kit) {
  "use strict";

  var all = kit.all, questionsOf = kit.questionsOf, clearErrorsIn = kit.clearErrorsIn, Tool = kit.Tool;

  function renumber(row, sectionId, to) {
    var before = new RegExp("--" + sectionId + "-[0-9]+--", "g");
    var after = "--" + sectionId + "-" + to + "--";
    [row].concat(all(row, "*")).forEach(function (node) {
      ["id", "name", "for", "aria-describedby", "aria-labelledby", "href"].forEach(function (attribute) {
        var value = node.getAttribute(attribute);
        if (value && before.test(value)) {
          node.setAttribute(attribute, value.replace(before, after));
        }
        before.lastIndex = 0;
      });
    });
    row.setAttribute("data-app-tool-question", sectionId + "-" + to);
    row.setAttribute("data-app-tool-row", String(to));
  }

  function emptyControls(root) {
    all(root, "input, textarea").forEach(function (control) {
      if (control.type === "radio" || control.type === "checkbox") {
        control.checked = false;
      } else {
        control.value = "";
      }
    });
  }

  Tool.prototype.addRow = function (section, focus) {
    var rows = questionsOf(section);
    var max = parseInt(section.getAttribute("data-app-tool-max-rows"), 10) || 20;
    if (!rows.length || rows.length >= max) {
      return null;
    }
    var number = rows.length + 1;
    var sectionId = section.getAttribute("data-app-tool-part");
    var label = section.getAttribute("data-app-tool-row-label") || "Row";
    var row = rows[0].cloneNode(true);
    clearErrorsIn(row);
    all(row, ".app-tool__print-value").forEach(function (node) {
      node.parentNode.removeChild(node);
    });
    renumber(row, sectionId, number);
    emptyControls(row);
    var legend = row.querySelector("legend");
    if (legend) {
      legend.textContent = label + " " + number;
    }
    var last = rows[rows.length - 1];
    last.parentNode.insertBefore(row, last.nextSibling);
    this.addMirrors(row);
    this.updateAddButton(section);
    if (focus) {
      var first = row.querySelector("input, textarea");
      if (first) {
        first.focus();
      }
      this.announce(label + " " + number + " added.");
    }
    return row;
  };

  Tool.prototype.updateAddButton = function (section) {
    var button = section.querySelector("[data-app-tool-action=add]");
    var max = parseInt(section.getAttribute("data-app-tool-max-rows"), 10) || 20;
    if (button) {
      button.hidden = questionsOf(section).length >= max;
    }
  };

  kit.emptyControls = emptyControls;
}(window.appToolKit));
