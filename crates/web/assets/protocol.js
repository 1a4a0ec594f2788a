// The live check of a precinct protocol form (issue 12 item 2). The page embeds the rule set's
// control relations as JSON (#protocol-check); as the operator types, every relation whose lines
// are all filled in is checked and, when it fails, its message with the numbers is shown next to
// the field where the server would show it ("Ballots received must equal …: Ballots received
// (1200) ≠ Issued inside (1000) + … = 1190"). Numbers above the voters on the list are flagged
// too. Without this script the form works the same: the server refuses with the same messages.
(function () {
  "use strict";
  var dataEl = document.getElementById("protocol-check");
  var form = document.getElementById("protocol-form");
  if (!dataEl || !form) return;
  var data;
  try {
    data = JSON.parse(dataEl.textContent);
  } catch (e) {
    return;
  }

  function input(name) {
    return document.getElementById("f-" + name);
  }

  // A line's value: {n} for a whole number, {empty} when blank, {bad} otherwise. People write
  // "1 000" with a space (also U+00A0 and U+202F), as the server reads it.
  function read(name) {
    var el = input(name);
    if (!el) return { n: 0, empty: true, optional: true };
    var optional = !el.hasAttribute("aria-required");
    var v = el.value.replace(/[\s\u00a0\u202f]/g, "");
    if (v === "") return { n: 0, empty: true, optional: optional };
    if (!/^[0-9]+$/.test(v)) return { bad: true, optional: optional };
    return { n: parseInt(v, 10), optional: optional };
  }

  // A term's value (a field or the sum of the candidate lines), or null when not all filled in.
  function term(t) {
    var names = data.terms[t] || [];
    var sum = 0;
    for (var i = 0; i < names.length; i++) {
      var v = read(names[i]);
      if (v.bad) return null;
      if (v.empty && !v.optional) return null;
      sum += v.n;
    }
    return sum;
  }

  function side(terms, values) {
    var parts = [];
    var sum = 0;
    for (var i = 0; i < terms.length; i++) {
      parts.push((data.labels[terms[i]] || terms[i]) + " (" + values[i] + ")");
      sum += values[i];
    }
    return terms.length > 1 ? parts.join(" + ") + " = " + sum : parts.join("");
  }

  function holds(op, l, r) {
    if (op === "=") return l === r;
    if (op === "<=") return l <= r;
    if (op === ">=") return l >= r;
    return false;
  }

  var NEGATED = { "=": "\u2260", "<=": ">", ">=": "<" };

  // Where a message goes: inside the field of the input `at` (or the candidates' fieldset),
  // before the control, as the server places its errors.
  function place(at, text, relation) {
    var holder, before;
    if (at === "candidates") {
      holder = document.getElementById("f-candidates");
      if (!holder) return;
      var legend = holder.querySelector("legend");
      before = legend ? legend.nextSibling : holder.firstChild;
    } else {
      var el = input(at);
      if (!el) return;
      holder = el.parentNode;
      before = el;
      el.setAttribute("aria-invalid", "true");
    }
    var p = document.createElement("p");
    p.className = "field-error live-error";
    p.setAttribute("data-relation", relation);
    p.id = "live-" + relation + "-" + at;
    p.textContent = text;
    holder.insertBefore(p, before);
    if (holder.classList) holder.classList.add("field--error");
  }

  function clear() {
    var old = form.querySelectorAll(".live-error");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    var invalid = form.querySelectorAll("[aria-invalid]");
    for (var j = 0; j < invalid.length; j++) invalid[j].removeAttribute("aria-invalid");
    var fields = form.querySelectorAll(".field--error");
    for (var k = 0; k < fields.length; k++) fields[k].classList.remove("field--error");
  }

  // The server's errors are for the numbers as they were submitted: once the operator types,
  // the live check speaks for the same rules.
  var serverErrorsRemoved = false;
  function dropServerErrors() {
    if (serverErrorsRemoved) return;
    serverErrorsRemoved = true;
    var old = form.querySelectorAll(".field-error:not(.live-error)");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
  }

  function check() {
    clear();
    var voters = read(data.voters);
    if (!voters.bad && !voters.empty) {
      for (var i = 0; i < data.within_list.length; i++) {
        var name = data.within_list[i];
        var v = read(name);
        if (!v.bad && !v.empty && v.n > voters.n) {
          place(name, data.above_list + ": " + v.n + " > " + voters.n, "above-list");
        }
      }
    }
    for (var j = 0; j < data.relations.length; j++) {
      var r = data.relations[j];
      var left = r.left.map(term);
      var right = r.right.map(term);
      if (left.concat(right).some(function (x) { return x === null; })) continue;
      var sum = function (a, b) { return a + b; };
      if (holds(r.op, left.reduce(sum, 0), right.reduce(sum, 0))) continue;
      place(
        r.at,
        r.message + ": " + side(r.left, left) + " " + NEGATED[r.op] + " " + side(r.right, right),
        r.name
      );
    }
  }

  form.addEventListener("input", function () {
    dropServerErrors();
    check();
  });
})();
