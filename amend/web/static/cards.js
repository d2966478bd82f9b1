/* amend workbench: a small progressive enhancement, no library, no build step.
   Every form works without it; with it, (1) a selection or click in the program's text fills the
   "Amend here" form, and (2) a card saved, removed or picked is sent in the background and the cards
   and the redline beside them are replaced by the server's new ones (the server checks, not this). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // ------------------------------------------------------------ amend by pointing
  var point = document.getElementById("point");
  if (point) {
    var field = function (name) { return point.elements.namedItem(name); };
    var show = function (el, kind) {
      document.querySelectorAll(".picked").forEach(function (p) { p.classList.remove("picked"); });
      el.classList.add("picked");
      point.classList.add("active");
      point.querySelectorAll(".actions button").forEach(function (b) {
        var f = b.getAttribute("data-for");
        b.hidden = kind === "heading" ? f !== "heading" : f === "heading" || (f === "item" && kind !== "item");
      });
    };
    var pickUnit = function (unit, start, end, words) {
      field("section").value = "";
      field("unit").value = unit.getAttribute("data-unit");
      field("start").value = start === null ? "" : String(start);
      field("end").value = end === null ? "" : String(end);
      field("words").value = words;
      point.querySelector(".picked-text").textContent = words || unit.querySelector(".t").textContent;
      show(unit, unit.tagName === "LI" ? "item" : "paragraph");
    };
    var pickHeading = function (h) {
      field("unit").value = ""; field("start").value = ""; field("end").value = ""; field("words").value = "";
      field("section").value = h.getAttribute("data-section");
      point.querySelector(".picked-text").textContent = h.querySelector(".t").textContent;
      show(h, "heading");
    };
    var offset = function (text, node, at) {  // the offset in the unit's text of a point in its text node
      return node === text.firstChild ? at : (node === text ? (at === 0 ? 0 : text.textContent.length) : null);
    };
    var onSelect = function (ev) {
      var sel = window.getSelection();
      var target = ev.target.closest ? ev.target : ev.target.parentElement;
      if (target.closest(".amend-here") || target.closest("#point")) { return; }
      if (sel && !sel.isCollapsed && sel.rangeCount) {
        var r = sel.getRangeAt(0);
        var t1 = r.startContainer.parentElement && r.startContainer.parentElement.closest(".t");
        var t2 = r.endContainer.parentElement && r.endContainer.parentElement.closest(".t");
        if (t1 && t1 === t2 && t1.closest(".unit")) {
          var a = offset(t1, r.startContainer, r.startOffset), b = offset(t1, r.endContainer, r.endOffset);
          if (a !== null && b !== null && a < b) {
            pickUnit(t1.closest(".unit"), a, b, t1.textContent.slice(a, b));
            return;
          }
        }
      }
      var unit = target.closest(".unit"), h = target.closest(".heading[data-section]");
      if (unit && unit.closest(".sheet")) { pickUnit(unit, null, null, ""); }
      else if (h) { pickHeading(h); }
    };
    var sheet = document.querySelector(".sheet");
    sheet.addEventListener("mouseup", onSelect);
    sheet.addEventListener("touchend", function (ev) { window.setTimeout(function () { onSelect(ev); }, 0); });
    sheet.querySelectorAll(".amend-here").forEach(function (a) {
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var h = a.closest(".heading[data-section]");
        if (h) { pickHeading(h); } else { pickUnit(a.closest(".unit"), null, null, ""); }
        field("new").focus();
      });
    });
  }

  // ------------------------------------------------------------ cards: saved in the background
  var cards = document.getElementById("cards");
  if (!cards || !window.fetch || !window.DOMParser) { return; }
  // a first view shows the cards at once; what each makes and its wording, where not made yet, come next
  var pending = document.querySelectorAll(".made.pending");
  if (pending.length) {
    fetch(cards.getAttribute("data-full"), {credentials: "same-origin"})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        pending.forEach(function (el) {
          var n = el.id.slice("made-".length);
          ["made-", "said-"].forEach(function (part) {
            var fresh = doc.getElementById(part + n), old = document.getElementById(part + n);
            if (fresh && old) { old.replaceWith(fresh); }
          });
        });
        document.documentElement.classList.add("made");
      });
  } else {
    document.documentElement.classList.add("made");
  }
  var busy = false;
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (busy || !form.closest("#cards") || form.method.toLowerCase() !== "post") { return; }
    ev.preventDefault();
    busy = true;
    var body = new URLSearchParams(new FormData(form, ev.submitter || null));
    var card = form.closest("article");
    var cardId = card ? card.id : "";
    document.body.classList.add("checking");
    fetch(form.action, {method: "POST", body: body, credentials: "same-origin",
                        headers: {"Content-Type": "application/x-www-form-urlencoded"}})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("cards"), review = doc.querySelector("aside.review");
        if (!fresh) { document.documentElement.replaceWith(doc.documentElement); return; }
        cards.replaceWith(fresh);
        cards = fresh;
        var old = document.querySelector("aside.review");
        if (old && review) { old.replaceWith(review); }
        var again = cardId && document.getElementById(cardId);
        if (again) { again.scrollIntoView({block: "nearest"}); again.classList.add("updated"); }
      })
      .finally(function () { busy = false; document.body.classList.remove("checking"); });
  });
})();
