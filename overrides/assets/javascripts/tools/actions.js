/* Tools: the buttons under the summary. Download as CSV, print, and clear (after the reader confirms). */
(function (kit) {
  "use strict";

  var element = kit.element, pad = kit.pad, csvCell = kit.csvCell, storageKey = kit.storageKey, kindOf = kit.kindOf,
    questionsOf = kit.questionsOf, questionText = kit.questionText, fieldsOf = kit.fieldsOf,
    fieldLabel = kit.fieldLabel, fieldText = kit.fieldText, labelOf = kit.labelOf, ratingOf = kit.ratingOf,
    isTicked = kit.isTicked, hasAnything = kit.hasAnything, gapsOf = kit.gapsOf, gapResults = kit.gapResults,
    emptyControls = kit.emptyControls, Tool = kit.Tool;

  Tool.prototype.csvRows = function () {
    var tool = this;
    var now = new Date();
    var rows = [["Tool", this.name], ["Downloaded", now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" +
      pad(now.getDate()) + " " + pad(now.getHours()) + ":" + pad(now.getMinutes())]];
    var lastHeader = "";
    function block(header, lines) {
      var key = header.join("\u0000");
      if (key !== lastHeader) {
        rows.push([]);
        rows.push(header);
        lastHeader = key;
      }
      lines.forEach(function (line) {
        rows.push(line);
      });
    }
    this.sections.forEach(function (section) {
      var kind = kindOf(section);
      var title = section.getAttribute("data-app-tool-title");
      var column = section.getAttribute("data-app-tool-column");
      var questions = questionsOf(section);
      var first = questions[0];
      var labels = first ? fieldsOf(first).map(fieldLabel) : [];
      if (kind === "checklist") {
        block(["Section", column, "Ticked"], questions.map(function (question) {
          return [title, questionText(question), isTicked(question) ? "Yes" : "No"];
        }));
      } else if (kind === "rating") {
        block(["Section", column, "Rating"].concat(labels), questions.map(function (question) {
          var rating = ratingOf(question);
          return [title, questionText(question), rating ? labelOf(rating) : ""].concat(fieldsOf(question).map(function (f) {
            return fieldText(f, true);
          }));
        }));
      } else if (kind === "fields") {
        var gaps = gapsOf(section);
        block(["Section", column].concat(labels, gaps.map(function (gap) {
          return gap.label;
        })), questions.map(function (question) {
          return [title, questionText(question)].concat(fieldsOf(question).map(function (f) {
            return fieldText(f, true);
          }), gapResults(section, question).map(function (item) {
            return item.value === null ? "" : String(item.value);
          }));
        }));
      } else {
        var label = section.getAttribute("data-app-tool-row-label") || "Row";
        block(["Section", label].concat(labels), questions.filter(function (row) {
          return hasAnything(row, kind);
        }).map(function (row) {
          return [title, label + " " + row.getAttribute("data-app-tool-row")].concat(fieldsOf(row).map(function (f) {
            return fieldText(f, true);
          }));
        }));
      }
    });
    return rows;
  };

  Tool.prototype.csv = function () {
    return this.csvRows().map(function (row) {
      return row.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
  };

  Tool.prototype.download = function () {
    var now = new Date();
    var name = this.id + "-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".csv";
    // The byte order mark tells spreadsheets the file is UTF-8, so accents and curly quotes survive.
    var blob = new Blob(["\uFEFF" + this.csv()], {type: "text/csv;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var link = element("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
      link.parentNode.removeChild(link);
    }, 1000);
    this.announce("Your answers have been downloaded as " + name + ".");
  };

  Tool.prototype.clear = function () {
    var tool = this;
    window.clearTimeout(this.saveTimer);
    try {
      if (this.store) {
        this.store.removeItem(storageKey(this.id));
      }
    } catch (error) {
      /* nothing saved, nothing to remove */
    }
    this.sections.forEach(function (section) {
      emptyControls(section);
      if (kindOf(section) === "rows") {
        var keep = tool.initialRows[section.getAttribute("data-app-tool-part")] || 1;
        questionsOf(section).slice(keep).forEach(function (row) {
          row.parentNode.removeChild(row);
        });
        tool.updateAddButton(section);
      }
    });
    this.clearErrors();
    this.savedAt = null;
    var saved = this.summaryPart.querySelector("[data-app-tool-saved]");
    if (saved) {
      saved.textContent = "";
    }
    var notice = this.find(".app-tool__restored");
    if (notice) {
      notice.parentNode.removeChild(notice);
    }
    this.refresh();
    this.fitTextareas();
  };

  Tool.prototype.act = function (action, button) {
    var confirm = this.summaryPart.querySelector("[data-app-tool-confirm]");
    if (action === "add") {
      this.addRow(button.closest("[data-app-tool]"), true);
      this.save();
      this.refresh();
    } else if (action === "check") {
      this.refresh();
      this.check();
    } else if (action === "export") {
      this.download();
    } else if (action === "print") {
      this.refresh();
      window.print();
    } else if (action === "clear") {
      this.summaryPart.querySelector("[data-app-tool-message]").hidden = true;
      confirm.hidden = false;
      confirm.querySelector(".app-tool__confirm-text").focus();
    } else if (action === "clear-cancelled") {
      confirm.hidden = true;
      this.summaryPart.querySelector("[data-app-tool-action=clear]").focus();
      this.announce("Your answers have been kept.");
    } else if (action === "clear-confirmed") {
      this.clear();
      confirm.hidden = true;
      this.showMessage("Your answers have been cleared from this browser.", false);
      this.summaryPart.querySelector("[data-app-tool-action=clear]").focus();
      this.announce("Your answers have been cleared from this browser.");
    }
  };
}(window.appToolKit));
