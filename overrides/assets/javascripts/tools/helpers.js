/* Tools readers fill in (the tool() macro, macros/tools.py): these scripts save the answers in this browser only,
   bring them back when the page is opened again, summarise them, check them, download them as a CSV file,
   print them and clear them. They send nothing anywhere and load nothing.

   The build joins them into one assets/javascripts/tools.js (overrides/hooks.py, in the order of TOOL_SCRIPTS:
   helpers, form, tool, check, rows, summary, actions, start), which overrides/main.html loads only on pages with a
   tool, and never on the print pages, which show the blank form. Without it, a tool is a blank form to print and
   fill in by hand.

   They are classic scripts, not modules, because a module will not load from file:// and the site must work there.
   So they share one object, window.appToolKit, made here; each later file adds its part to it. The last starts
   the tools.

   This file: small helpers for the DOM, text, dates and spreadsheet cells, used by all the others. */
window.appToolKit = {};

(function (kit) {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
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

  kit.MONTHS = MONTHS;
  kit.all = all;
  kit.element = element;
  kit.pad = pad;
  kit.longTime = longTime;
  kit.listed = listed;
  kit.isWhole = isWhole;
  kit.realDate = realDate;
  kit.csvCell = csvCell;
}(window.appToolKit));
