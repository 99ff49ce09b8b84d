/* Tools: reading the form. What kind each section is, its questions and fields, and what each answer says,
   straight from the page (the tool() macro's data-app-tool-* attributes), so nothing is kept twice. */
(function (kit) {
  "use strict";

  var MONTHS = kit.MONTHS, all = kit.all, pad = kit.pad, isWhole = kit.isWhole, realDate = kit.realDate;

  function kindOf(section) {
    return section.getAttribute("data-app-tool-kind");
  }

  function questionsOf(section) {
    return all(section, "[data-app-tool-question]");
  }

  function questionText(question) {
    var legend = question.querySelector("legend, label");
    return legend ? legend.textContent.trim() : "";
  }

  function fieldsOf(question) {
    return all(question, "[data-app-tool-field]");
  }

  function fieldLabel(field) {
    return field.getAttribute("data-app-tool-label") || "";
  }

  function fieldKind(field) {
    return field.getAttribute("data-app-tool-field-kind");
  }

  function dateParts(field) {
    var result = {};
    ["day", "month", "year"].forEach(function (part) {
      var input = all(field, "input").filter(function (control) {
        return control.name.slice(-(part.length + 2)) === "--" + part;
      })[0];
      result[part] = input ? input.value.trim() : "";
      result[part + "Input"] = input || null;
    });
    return result;
  }

  /* A field's answer as text for a person to read ("" when empty); dates as "31 March 2027" when real. */
  function fieldText(field, forSpreadsheet) {
    var kind = fieldKind(field);
    if (kind === "date") {
      var parts = dateParts(field);
      if (!parts.day && !parts.month && !parts.year) {
        return "";
      }
      var date = realDate(parts.day, parts.month, parts.year);
      if (!date) {
        return [parts.day, parts.month, parts.year].join("/");
      }
      return forSpreadsheet ? date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) :
        date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
    }
    if (kind === "choice") {
      var chosen = field.querySelector("input:checked");
      return chosen ? labelOf(chosen) : "";
    }
    var control = field.querySelector("input, textarea");
    return control ? control.value.trim() : "";
  }

  function labelOf(control) {
    var label = control.labels && control.labels[0];
    return label ? label.textContent.trim() : control.value;
  }

  function ratingOf(question) {
    var chosen = all(question, "input[type=radio]:checked").filter(function (radio) {
      return /--rating$/.test(radio.name);
    })[0];
    return chosen || null;
  }

  function isTicked(question) {
    var box = question.querySelector("input[type=checkbox]");
    return Boolean(box && box.checked);
  }

  function isAnswered(question, kind) {
    if (kind === "checklist") {
      return isTicked(question);
    }
    if (kind === "rating") {
      return Boolean(ratingOf(question));
    }
    return fieldsOf(question).some(function (field) {
      return fieldText(field, false) !== "";
    });
  }

  function hasAnything(question, kind) {
    return isAnswered(question, kind) || fieldsOf(question).some(function (field) {
      return fieldText(field, false) !== "";
    });
  }

  function numberIn(question, fieldId) {
    var field = question.querySelector("[data-app-tool-field=\"" + fieldId + "\"]");
    var text = field ? fieldText(field, false) : "";
    return isWhole(text) ? Number(text) : null;
  }

  function gapsOf(section) {
    try {
      var gaps = JSON.parse(section.getAttribute("data-app-tool-gaps") || "[]");
      return Array.isArray(gaps) ? gaps : [];
    } catch (error) {
      return [];
    }
  }

  function labelFor(question, fieldId) {
    var field = question.querySelector("[data-app-tool-field=\"" + fieldId + "\"]");
    return field ? fieldLabel(field) : fieldId;
  }

  /* Each gap of a question of a fields section: {label, value} with value null when a number is missing. */
  function gapResults(section, question) {
    return gapsOf(section).map(function (gap) {
      var from = numberIn(question, gap.from);
      var minus = numberIn(question, gap.minus);
      var value = from === null || minus === null ? null : Math.max(from - minus, 0);
      var impossible = Boolean(gap.cannotExceed && from !== null && minus !== null && minus > from);
      return {gap: gap, label: gap.label, value: impossible ? null : value, impossible: impossible};
    });
  }

  kit.kindOf = kindOf;
  kit.questionsOf = questionsOf;
  kit.questionText = questionText;
  kit.fieldsOf = fieldsOf;
  kit.fieldLabel = fieldLabel;
  kit.fieldKind = fieldKind;
  kit.dateParts = dateParts;
  kit.fieldText = fieldText;
  kit.labelOf = labelOf;
  kit.ratingOf = ratingOf;
  kit.isTicked = isTicked;
  kit.isAnswered = isAnswered;
  kit.hasAnything = hasAnything;
  kit.gapsOf = gapsOf;
  kit.labelFor = labelFor;
  kit.gapResults = gapResults;
}(window.appToolKit));
