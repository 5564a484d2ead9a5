// The live class view: every 10 seconds fetch live.json and update the bars, counts and
// ticks in place (no page reload, so the teacher keeps their place and focus). When the
// page would draw something new (a new pupil, a profile now shown) it reloads once.
"use strict";
(function () {
  const page = document.querySelector("[data-live]");
  if (!page) { return; }
  const EVERY_MS = Number(page.dataset.every) || 10000;
  const status = document.getElementById("live-status");

  function updateBar(id, bar) {
    const svg = document.getElementById(id);
    if (!svg) { return; }
    const fill = svg.querySelector("rect.fill");
    fill.setAttribute("x", String(bar.x));
    fill.setAttribute("width", String(bar.width));
    fill.setAttribute("class", "fill " + bar.tone);
    svg.setAttribute("aria-label", bar.label);
  }

  function apply(data) {
    if (data.structure !== page.dataset.structure) {
      window.location.reload();
      return;
    }
    Object.entries(data.bars).forEach(([id, bar]) => updateBar(id, bar));
    Object.entries(data.texts).forEach(([id, text]) => {
      const element = document.getElementById(id);
      if (element) { element.textContent = text; }
    });
    const done = new Set(data.done);
    page.querySelectorAll("span.done[id]").forEach((tick) => {
      tick.hidden = !done.has(tick.id);
    });
    if (status) { status.textContent = data.updated; }
  }

  async function refresh() {
    try {
      const answer = await fetch(page.dataset.live, {
        headers: { "Accept": "application/json" }, credentials: "same-origin" });
      if (answer.ok) { apply(await answer.json()); }
    } catch (error) {
      // the network or the server is away for a moment: try again next time
    }
  }

  window.setInterval(refresh, EVERY_MS);
})();
