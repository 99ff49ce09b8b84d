/* Tools: "Check my answers". Whole numbers, real dates, required fields and gaps that cannot be negative,
   reported as the GOV.UK error summary and error messages. */
(function (kit) {
  "use strict";

  var all = kit.all, element = kit.element, isWhole = kit.isWhole, realDate = kit.realDate, kindOf = kit.kindOf,
    questionsOf = kit.questionsOf, questionText = kit.questionText, fieldsOf = kit.fieldsOf,
    fieldLabel = kit.fieldLabel, fieldKind = kit.fieldKind, dateParts = kit.dateParts, fieldText = kit.fieldText,
    hasAnything = kit.hasAnything, labelFor = kit.labelFor, gapResults = kit.gapResults, Tool = kit.Tool;

  function clearErrorsIn(root) {
    all(root, ".app-tool__error-message").forEach(function (message) {
      message.parentNode.removeChild(message);
    });
    all(root, ".app-tool__field--error").forEach(function (field) {
      field.classList.remove("app-tool__field--error");
    });
    all(root, "[aria-describedby]").forEach(function (control) {
      var ids = control.getAttribute("aria-describedby").split(/\s+/).filter(function (id) {
        return id && !/---error$/.test(id);
      });
      if (ids.length) {
        control.setAttribute("aria-describedby", ids.join(" "));
      } else {
        control.removeAttribute("aria-describedby");
      }
    });
    all(root, ".app-tool__input--error, .app-tool__textarea--error").forEach(function (control) {
      control.classList.remove("app-tool__input--error", "app-tool__textarea--error");
    });
  }

  Tool.prototype.clearErrors = function () {
    this.sections.forEach(clearErrorsIn);
    var summary = this.summaryPart && this.summaryPart.querySelector("[data-app-tool-errors]");
    if (summary) {
      summary.textContent = "";
    }
  };

  Tool.prototype.findProblems = function () {
    var problems = [];
    this.sections.forEach(function (section) {
      var kind = kindOf(section);
      if (kind === "checklist") {
        return;
      }
      questionsOf(section).forEach(function (question) {
        var text = questionText(question);
        var context = kind === "rows" ? text.charAt(0).toLowerCase() + text.slice(1) : "\u2018" + text + "\u2019";
        var anything = hasAnything(question, kind);
        fieldsOf(question).forEach(function (field) {
          var label = fieldLabel(field);
          var fieldType = fieldKind(field);
          var text = fieldText(field, false);
          if (fieldType === "number" && text && !isWhole(text)) {
            problems.push({field: field, control: field.querySelector("input"),
              message: label + " for " + context + " must be a whole number, like 4"});
          } else if (fieldType === "date" && text) {
            var parts = dateParts(field);
            if (!realDate(parts.day, parts.month, parts.year)) {
              var wrong = !isWhole(parts.day) ? parts.dayInput : !isWhole(parts.month) ? parts.monthInput :
                !/^[0-9]{4}$/.test(parts.year) ? parts.yearInput : parts.dayInput;
              problems.push({field: field, control: wrong,
                message: label + " for " + context + " must be a real date, like 27 3 2027"});
            }
          } else if (field.hasAttribute("data-app-tool-required") && anything && !text) {
            var control = field.querySelector("input, textarea");
            problems.push({field: field, control: control,
              message: (fieldType === "choice" ? "Choose " : "Enter ") + label.charAt(0).toLowerCase() +
                label.slice(1) + " for " + context});
          }
        });
        gapResults(section, question).forEach(function (item) {
          if (item.impossible) {
            var minusField = question.querySelector("[data-app-tool-field=\"" + item.gap.minus + "\"]");
            problems.push({field: minusField, control: minusField.querySelector("input"),
              message: fieldLabel(minusField) + " for " + context + " cannot be more than " +
                labelFor(question, item.gap.from).toLowerCase()});
          }
        });
      });
    });
    return problems;
  };

  Tool.prototype.check = function () {
    this.clearErrors();
    var problems = this.findProblems();
    var message = this.summaryPart.querySelector("[data-app-tool-message]");
    if (!problems.length) {
      this.showMessage("There are no problems with your answers.", true);
      return;
    }
    message.hidden = true;
    problems.forEach(function (problem) {
      var field = problem.field;
      var control = problem.control;
      field.classList.add("app-tool__field--error");
      var id = control.id + "---error";
      var note = element("p", "app-tool__error-message");
      note.id = id;
      var hidden = element("span", "app-tool__visually-hidden", "Error: ");
      note.appendChild(hidden);
      note.appendChild(document.createTextNode(problem.message + "."));
      var before = fieldKind(field) === "date" ? field.querySelector(".app-tool__date-inputs") : control;
      if (fieldKind(field) === "choice") {
        before = field.querySelector(".app-tool__radios");
      }
      before.parentNode.insertBefore(note, before);
      var describedBy = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + id);
      control.classList.add(control.tagName === "TEXTAREA" ? "app-tool__textarea--error" : "app-tool__input--error");
    });
    var heading = this.summaryPart.querySelector("[data-app-tool-summary-heading]");
    var level = heading ? heading.tagName.toLowerCase() : "h2";
    var box = element("div", "app-tool__error-summary");
    box.setAttribute("tabindex", "-1");
    box.appendChild(element(level, "app-tool__error-summary-title", "There is a problem"));
    var listElement = element("ul", "app-tool__error-summary-list");
    problems.forEach(function (problem) {
      var item = element("li");
      var link = element("a", null, problem.message);
      link.href = "#" + problem.control.id;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var target = document.getElementById(problem.control.id);
        if (target) {
          var holder = target.closest("fieldset") || target;
          holder.scrollIntoView();
          target.focus({preventScroll: true});
        }
      });
      item.appendChild(link);
      listElement.appendChild(item);
    });
    box.appendChild(listElement);
    var place = this.summaryPart.querySelector("[data-app-tool-errors]");
    place.appendChild(box);
    box.focus();
  };

  Tool.prototype.showMessage = function (text, focus) {
    var message = this.summaryPart.querySelector("[data-app-tool-message]");
    message.textContent = text;
    message.hidden = false;
    if (focus) {
      message.focus();
    }
  };

  kit.clearErrorsIn = clearErrorsIn;
}(window.appToolKit));
