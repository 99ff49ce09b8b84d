/* Tools readers fill in (the tool() macro, macros/tools.py): this script saves the answers in this browser only,
   brings them back when the page is opened again, summarises them, checks them, downloads them as a CSV file,
   prints them and clears them. It sends nothing anywhere and loads nothing.

   overrides/main.html loads it only on pages with a tool, and never on the print pages, which show the blank form.
   Without it, a tool is a blank form to print and fill in by hand.

   Saved answers: localStorage["swwr-tool:<tool id>:v1"] = {format, tool, version, saved, answers, rows}.
   "v1" is the shape of the record: a new shape gets a new key, so old records are never misread. Each answer is
   kept under its control's name (tool-<tool>--<question>--<field>), so two tools never share a key, and answers
   whose question has gone, or whose value is no longer offered, are left out when a changed tool is reopened. */
(function () {
  "use strict";

  var KEY_PREFIX = "swwr-tool:";
  var FORMAT = 1;
  var MAX_TEXT = 20000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function storageKey(toolId) {
    return KEY_PREFIX + toolId + ":v" + FORMAT;
  }

  /* localStorage, or null where the browser refuses it (some private windows, some file:// settings). */
  function openStorage() {
    try {
      var store = window.localStorage;
      var probe = KEY_PREFIX + "probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function longTime(date) {
    return pad(date.getHours()) + ":" + pad(date.getMinutes()) + " on " + date.getDate() + " " +
      MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  /* "a, b and c" */
  function listed(items) {
    if (items.length < 2) {
      return items.join("");
    }
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  function isWhole(text) {
    return /^[0-9]{1,5}$/.test(text);
  }

  /* A real date from the GOV.UK day, month and year boxes, or null. */
  function realDate(day, month, year) {
    if (!isWhole(day) || !isWhole(month) || !/^[0-9]{4}$/.test(year)) {
      return null;
    }
    var d = Number(day), m = Number(month), y = Number(year);
    var date = new Date(y, m - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
      return null;
    }
    return date;
  }

  /* One spreadsheet cell: quoted, quotes doubled, and text that a spreadsheet would run as a formula kept as text. */
  function csvCell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) {
      text = "'" + text;
    }
    return "\"" + text.replace(/"/g, "\"\"") + "\"";
  }

  function Tool(id, parts, store) {
    this.id = id;
    this.parts = parts;
    this.store = store;
    this.prefix = "tool-" + id + "--";
    this.name = parts[0].getAttribute("data-app-tool-name") || id;
    this.version = parseInt(parts[0].getAttribute("data-app-tool-version"), 10) || 1;
    this.sections = parts.filter(function (part) {
      return part.getAttribute("data-app-tool-kind") !== "summary";
    });
    this.summaryPart = parts.filter(function (part) {
      return part.getAttribute("data-app-tool-kind") === "summary";
    })[0] || null;
    this.status = this.find("[data-app-tool-status]");
    this.saveTimer = null;
    this.announceTimer = null;
    this.initialRows = {};
  }

  Tool.prototype.find = function (selector) {
    for (var index = 0; index < this.parts.length; index += 1) {
      var found = this.parts[index].querySelector(selector);
      if (found) {
        return found;
      }
    }
    return null;
  };

  Tool.prototype.controls = function () {
    var prefix = this.prefix;
    var controls = [];
    this.sections.forEach(function (section) {
      all(section, "input, textarea").forEach(function (control) {
        if (control.name && control.name.indexOf(prefix) === 0) {
          controls.push(control);
        }
      });
    });
    return controls;
  };

  /* --- Reading the form ------------------------------------------------------------------------------------------ */

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

  /* --- Saving and restoring --------------------------------------------------------------------------------------- */

  Tool.prototype.values = function () {
    var answers = {};
    this.controls().forEach(function (control) {
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) {
          answers[control.name] = control.value;
        }
      } else if (control.value !== "") {
        answers[control.name] = control.value.slice(0, MAX_TEXT);
      }
    });
    return answers;
  };

  Tool.prototype.rowSections = function () {
    return this.sections.filter(function (section) {
      return kindOf(section) === "rows";
    });
  };

  Tool.prototype.rowCounts = function () {
    var counts = {};
    this.rowSections().forEach(function (section) {
      counts[section.getAttribute("data-app-tool-part")] = questionsOf(section).length;
    });
    return counts;
  };

  Tool.prototype.save = function () {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.store) {
      return false;
    }
    var answers = this.values();
    try {
      if (Object.keys(answers).length === 0) {
        this.store.removeItem(storageKey(this.id));
      } else {
        this.store.setItem(storageKey(this.id), JSON.stringify({
          format: FORMAT, tool: this.id, version: this.version, saved: new Date().toISOString(),
          answers: answers, rows: this.rowCounts()
        }));
      }
    } catch (error) {
      this.announce("Your answers could not be saved in this browser. Download them now so you do not lose them.");
      return false;
    }
    this.savedAt = new Date();
    this.showSaved();
    return true;
  };

  Tool.prototype.showSaved = function () {
    var saved = this.summaryPart && this.summaryPart.querySelector("[data-app-tool-saved]");
    if (saved && this.savedAt) {
      saved.textContent = "Your answers were last saved in this browser at " + longTime(this.savedAt) + ".";
    }
  };

  /* Answers saved earlier, restored where they still fit this version of the tool. Anything unreadable is ignored. */
  Tool.prototype.load = function () {
    var raw = null;
    try {
      raw = this.store ? this.store.getItem(storageKey(this.id)) : null;
    } catch (error) {
      raw = null;
    }
    if (!raw) {
      return;
    }
    var record;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      return;
    }
    if (!record || typeof record !== "object" || record.tool !== this.id || !record.answers ||
        typeof record.answers !== "object" || Array.isArray(record.answers)) {
      return;
    }
    var tool = this;
    if (record.rows && typeof record.rows === "object") {
      this.rowSections().forEach(function (section) {
        var wanted = parseInt(record.rows[section.getAttribute("data-app-tool-part")], 10);
        while (wanted > questionsOf(section).length && tool.addRow(section, false)) {
          /* add rows until the saved answers fit */
        }
      });
    }
    var restored = 0;
    var dropped = 0;
    Object.keys(record.answers).forEach(function (name) {
      var value = record.answers[name];
      var controls = name.indexOf(tool.prefix) === 0 ? Array.prototype.slice.call(document.getElementsByName(name)) : [];
      var used = false;
      if (typeof value === "string") {
        controls.forEach(function (control) {
          if (control.type === "radio" || control.type === "checkbox") {
            if (control.value === value) {
              control.checked = true;
              used = true;
            }
          } else if (control.tagName === "TEXTAREA" || control.type === "text") {
            control.value = value.slice(0, MAX_TEXT);
            used = true;
          }
        });
      }
      if (used) {
        restored += 1;
      } else {
        dropped += 1;
      }
    });
    if (!restored) {
      return;
    }
    var when = new Date(record.saved);
    var text = "Your answers saved in this browser" + (isNaN(when.getTime()) ? "" : " at " + longTime(when)) +
      " are back.";
    if (record.version !== this.version || dropped) {
      text += " This tool has changed since then: answers to questions that are still here are kept, so check them.";
    }
    this.showNotice(text);
  };

  Tool.prototype.showNotice = function (text) {
    var storage = this.find("[data-app-tool-storage]");
    if (!storage) {
      return;
    }
    var notice = storage.parentNode.querySelector(".app-tool__restored");
    if (!notice) {
      notice = element("p", "app-tool__restored");
      storage.parentNode.insertBefore(notice, storage.nextSibling);
    }
    notice.textContent = text;
  };

  /* The live region: screen readers say the text once; the same text again is said again. */
  Tool.prototype.announce = function (text) {
    var status = this.status;
    if (!status) {
      return;
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  };

  /* --- Rows: "Add another" ---------------------------------------------------------------------------------------- */

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

  /* --- Checking answers: the GOV.UK error summary and error messages ------------------------------------------------ */

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

  /* --- Download, print, clear --------------------------------------------------------------------------------------- */

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

  /* --- Start -------------------------------------------------------------------------------------------------------- */

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
}());
