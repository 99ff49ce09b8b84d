/* Tools: what the page shows of the answers, redone by refresh(): each question's results, the copy of each
   answer that prints, and the summary. */
(function (kit) {
  "use strict";

  var all = kit.all, element = kit.element, listed = kit.listed, isWhole = kit.isWhole, kindOf = kit.kindOf,
    questionsOf = kit.questionsOf, questionText = kit.questionText, fieldsOf = kit.fieldsOf,
    fieldLabel = kit.fieldLabel, fieldKind = kit.fieldKind, fieldText = kit.fieldText, labelOf = kit.labelOf,
    ratingOf = kit.ratingOf, isAnswered = kit.isAnswered, hasAnything = kit.hasAnything, gapsOf = kit.gapsOf,
    gapResults = kit.gapResults, Tool = kit.Tool;

  /* --- What prints: a filled-in box prints its text in full, not cut off at the box's size ------------------------ */

  Tool.prototype.addMirrors = function (root) {
    all(root, "textarea, input[type=text]").forEach(function (control) {
      if (control.name.indexOf("--") === -1 || /--(day|month|year)$/.test(control.name)) {
        return;
      }
      if (!control.nextElementSibling || !control.nextElementSibling.classList.contains("app-tool__print-value")) {
        var mirror = element("div", "app-tool__print-value");
        mirror.setAttribute("aria-hidden", "true");
        control.parentNode.insertBefore(mirror, control.nextSibling);
      }
    });
    all(root, ".app-tool__radios").forEach(function (radios) {
      if (!radios.nextElementSibling || !radios.nextElementSibling.classList.contains("app-tool__print-value")) {
        var mirror = element("div", "app-tool__print-value app-tool__print-value--choice");
        mirror.setAttribute("aria-hidden", "true");
        radios.parentNode.insertBefore(mirror, radios.nextSibling);
      }
    });
  };

  Tool.prototype.updateMirrors = function () {
    this.sections.forEach(function (section) {
      all(section, ".app-tool__print-value").forEach(function (mirror) {
        var source = mirror.previousElementSibling;
        var text = "";
        if (source && source.classList.contains("app-tool__radios")) {
          var chosen = source.querySelector("input:checked");
          text = chosen ? "Answer: " + labelOf(chosen) : "";
        } else if (source && (source.tagName === "TEXTAREA" || source.tagName === "INPUT")) {
          text = source.value;
        }
        mirror.textContent = text;
        var holder = source && source.classList.contains("app-tool__radios") ? source.parentNode : mirror.parentNode;
        if (source && source.classList.contains("app-tool__radios")) {
          source.classList.toggle("app-tool__radios--answered", text !== "");
        } else if (holder) {
          holder.classList.toggle("app-tool__field--filled", text.trim() !== "");
        }
      });
    });
  };

  Tool.prototype.fitTextareas = function () {
    this.sections.forEach(function (section) {
      all(section, "textarea").forEach(function (textarea) {
        textarea.style.height = "";
        if (textarea.scrollHeight > textarea.clientHeight) {
          textarea.style.height = (textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight) + "px";
        }
      });
    });
  };

  /* --- Results and the summary ------------------------------------------------------------------------------------- */

  Tool.prototype.updateResults = function () {
    this.sections.forEach(function (section) {
      if (!gapsOf(section).length) {
        return;
      }
      questionsOf(section).forEach(function (question) {
        var result = question.querySelector("[data-app-tool-result]");
        if (!result) {
          return;
        }
        var parts = gapResults(section, question).filter(function (item) {
          return item.value !== null;
        }).map(function (item) {
          return item.label + ": " + item.value;
        });
        result.textContent = parts.length ? parts.join(". ") + "." : "";
        result.hidden = !parts.length;
      });
    });
  };

  /* "Label: answer; Label: answer." for the fields of a question or row that are filled in */
  function describe(question) {
    return fieldsOf(question).map(function (field) {
      var text = fieldText(field, false);
      return text ? fieldLabel(field) + ": " + text : "";
    }).filter(Boolean).join("; ") + ".";
  }

  function summaryRow(list, term, description) {
    var row = element("div", "app-tool__summary-row");
    row.appendChild(element("dt", "app-tool__summary-key", term));
    row.appendChild(element("dd", "app-tool__summary-value", description));
    list.appendChild(row);
  }

  Tool.prototype.scaleLabels = function (section) {
    var labels = [];
    var question = questionsOf(section)[0];
    if (question) {
      all(question, "input[type=radio]").forEach(function (radio) {
        if (/--rating$/.test(radio.name)) {
          labels.push({value: radio.value, label: labelOf(radio)});
        }
      });
    }
    return labels;
  };

  Tool.prototype.renderSummary = function () {
    var target = this.summaryPart && this.summaryPart.querySelector("[data-app-tool-summary]");
    if (!target) {
      return;
    }
    var tool = this;
    var totals = {rating: [0, 0], checklist: [0, 0], fields: [0, 0]};
    var answeredAnything = false;
    var list = element("dl", "app-tool__summary-list");
    this.sections.forEach(function (section) {
      var kind = kindOf(section);
      var title = section.getAttribute("data-app-tool-title");
      var questions = questionsOf(section);
      if (kind === "rows") {
        var label = section.getAttribute("data-app-tool-row-label") || "Row";
        var filled = questions.filter(function (row) {
          return hasAnything(row, kind);
        });
        if (!filled.length) {
          summaryRow(list, title, "None written yet.");
          return;
        }
        answeredAnything = true;
        filled.forEach(function (row) {
          summaryRow(list, title + ", " + label.toLowerCase() + " " + row.getAttribute("data-app-tool-row"),
            describe(row));
        });
        return;
      }
      var answered = questions.filter(function (question) {
        return isAnswered(question, kind);
      });
      totals[kind][0] += answered.length;
      totals[kind][1] += questions.length;
      answeredAnything = answeredAnything || questions.some(function (question) {
        return hasAnything(question, kind);
      });
      if (kind === "rating") {
        var counts = tool.scaleLabels(section).map(function (option) {
          var count = answered.filter(function (question) {
            return ratingOf(question).value === option.value;
          }).length;
          return option.label + " " + count;
        });
        summaryRow(list, title, answered.length + " of " + questions.length + " rated" +
          (answered.length ? ": " + counts.join(", ") : "") + ".");
      } else if (kind === "checklist") {
        summaryRow(list, title, answered.length + " of " + questions.length + " ticked.");
      } else if (gapsOf(section).length) {
        var sums = {};
        questions.forEach(function (question) {
          var results = gapResults(section, question);
          var parts = fieldsOf(question).filter(function (field) {
            return fieldKind(field) === "number" && isWhole(fieldText(field, false));
          }).map(function (field) {
            var id = field.getAttribute("data-app-tool-field");
            sums[id] = (sums[id] || 0) + Number(fieldText(field, false));
            return fieldLabel(field) + ": " + fieldText(field, false);
          });
          results.forEach(function (item) {
            if (item.value !== null) {
              sums[item.label] = (sums[item.label] || 0) + item.value;
              parts.push(item.label + ": " + item.value);
            } else if (item.impossible) {
              parts.push(item.label + ": check the numbers");
            }
          });
          if (parts.length) {
            summaryRow(list, questionText(question), parts.join("; ") + ".");
          }
        });
        var first = questions[0];
        var counted = questions.filter(function (question) {
          return fieldsOf(question).some(function (field) {
            return fieldKind(field) === "number" && isWhole(fieldText(field, false));
          });
        }).length;
        if (counted > 1) {
          var total = fieldsOf(first).filter(function (field) {
            return fieldKind(field) === "number";
          }).map(function (field) {
            var id = field.getAttribute("data-app-tool-field");
            return fieldLabel(field) + ": " + (sums[id] || 0);
          });
          gapsOf(section).forEach(function (gap) {
            total.push(gap.label + ": " + (sums[gap.label] || 0));
          });
          summaryRow(list, title + ", all together", total.join("; ") + ".");
        } else if (!counted) {
          summaryRow(list, title, "No numbers entered yet.");
        }
      } else if (questions.length === 1) {
        summaryRow(list, questionText(questions[0]) || title, answered.length ? describe(questions[0]) :
          "Not filled in yet.");
      } else {
        summaryRow(list, title, answered.length + " of " + questions.length + " filled in.");
        answered.forEach(function (question) {
          summaryRow(list, questionText(question), describe(question));
        });
      }
    });
    var progress = [];
    if (totals.rating[1]) {
      progress.push("rated " + totals.rating[0] + " of " + totals.rating[1] + " areas");
    }
    if (totals.checklist[1]) {
      progress.push("ticked " + totals.checklist[0] + " of " + totals.checklist[1] + " statements");
    }
    if (totals.fields[1]) {
      progress.push("filled in " + totals.fields[0] + " of " + totals.fields[1] + " items");
    }
    target.textContent = "";
    target.appendChild(element("p", "app-tool__progress", progress.length ? "You have " + listed(progress) + "." :
      "Here is what you have written."));
    target.appendChild(list);
    this.summaryPart.setAttribute("data-app-tool-answered", answeredAnything ? "true" : "false");
  };

  Tool.prototype.refresh = function () {
    this.updateResults();
    this.updateMirrors();
    this.renderSummary();
  };
}(window.appToolKit));
