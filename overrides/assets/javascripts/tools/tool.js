/* Tools: the Tool, one per tool on the page (all its parts), and saving and restoring its answers.

   Saved answers: localStorage["swwr-tool:<tool id>:v1"] = {format, tool, version, saved, answers, rows}.
   "v1" is the shape of the record: a new shape gets a new key, so old records are never misread. Each answer is
   kept under its control's name (tool-<tool>--<question>--<field>), so two tools never share a key, and answers
   whose question has gone, or whose value is no longer offered, are left out when a changed tool is reopened. */
(function (kit) {
  "use strict";

  var all = kit.all, element = kit.element, longTime = kit.longTime, kindOf = kit.kindOf,
    questionsOf = kit.questionsOf;

  var KEY_PREFIX = "swwr-tool:";
  var FORMAT = 1;
  var MAX_TEXT = 20000;

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

  kit.storageKey = storageKey;
  kit.openStorage = openStorage;
  kit.Tool = Tool;
}(window.appToolKit));
