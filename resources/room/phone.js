// The phone page of room voting (DESIGN §10). Plain script, no library, no build step.
//
// Every text from the server goes into the page with textContent, never as
// markup. What the phone must not lose lives in localStorage under the room
// code: its token, its language, the question it is on and the answers not
// yet confirmed, so a reload, a locked screen or a dropped Wi-Fi picks up
// where the person was and sends what was still on its way.
"use strict";

(function () {
  const code = decodeURIComponent(location.pathname.split("/")[2] || "");
  const storeKey = "rater-room:" + code;
  const GRADES = ["A", "B", "C", "D", "F"];
  const FINISHED = "#finished";
  const saved = load();
  const state = {
    lang: saved.lang || ((navigator.language || "").toLowerCase().startsWith("vi") ? "vi" : "en"),
    token: saved.token || null,
    at: saved.at || null,
    pending: saved.pending || {},
    seq: saved.seq || 0,
    text: {},
    languages: {},
    room: null,          // the last "state" message: name, items, answers, closed
    screen: "loading",   // loading | names | item | overview | ended
    notice: "",
    socket: null,
    retry: 0,
    timer: null,
    ended: false,
  };

  const view = document.getElementById("view");
  const status = document.getElementById("status");
  const title = document.getElementById("title");
  const languageButton = document.getElementById("language");

  // -- storage --------------------------------------------------------------------

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || {};
    } catch (error) {
      return {};
    }
  }

  function store() {
    const kept = { lang: state.lang, token: state.token, at: state.at, pending: state.pending, seq: state.seq };
    try {
      localStorage.setItem(storeKey, JSON.stringify(kept));
    } catch (error) {
      // private mode without storage: the page still works until it is reloaded
    }
  }

  // -- small builders (text only, never markup) ------------------------------------

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "on") Object.entries(value).forEach(([name, handler]) => node.addEventListener(name, handler));
      else if (key === "class") node.className = value;
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach((child) => child && node.appendChild(child));
    return node;
  }

  function t(key, values) {
    let text = state.text[key] || "";
    Object.entries(values || {}).forEach(([name, value]) => {
      text = text.split("{" + name + "}").join(String(value));
    });
    return text;
  }

  function show(nodes) {
    document.querySelector("nav")?.remove();
    view.replaceChildren(...nodes);
  }

  function setStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  // -- language ----------------------------------------------------------------------

  function otherLanguage() {
    return Object.keys(state.languages).find((lang) => lang !== state.lang) || null;
  }

  function drawChrome() {
    document.documentElement.lang = state.lang;
    title.textContent = t("title") || "RATER";
    document.title = title.textContent;
    const other = otherLanguage();
    languageButton.hidden = !other;
    if (other) {
      languageButton.textContent = state.languages[other];
      languageButton.setAttribute("lang", other);
      languageButton.setAttribute("aria-label", t("language") + ": " + state.languages[other]);
    }
  }

  languageButton.addEventListener("click", () => {
    const other = otherLanguage();
    if (!other) return;
    state.lang = other;
    store();
    if (state.token && state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify({ type: "lang", lang: state.lang }));
    } else {
      welcome();
    }
  });

  // -- before joining: pick a name --------------------------------------------------

  async function welcome() {
    let response;
    try {
      response = await fetch("/r/" + encodeURIComponent(code) + "/welcome?lang=" + state.lang, { cache: "no-store" });
    } catch (error) {
      setStatus(state.text.offline || "…");
      later(welcome);
      return;
    }
    if (response.status === 404) {
      const words = await fetch("/text?lang=" + state.lang).then((r) => r.json()).catch(() => ({}));
      show([el("p", { class: "notice", text: words.wrong_room || "404" })]);
      return;
    }
    if (!response.ok) {
      later(welcome);
      return;
    }
    const data = await response.json();
    state.text = data.text;
    state.languages = data.languages;
    setStatus("");
    drawChrome();
    if (state.token) connect();
    else drawNames(data);
  }

  function drawNames(data) {
    state.screen = "names";
    const list = el("ul", { class: "names" }, data.names.map((person) => el("li", {}, [
      el("button", {
        type: "button",
        disabled: person.taken,
        on: { click: () => join({ participant: person.id }) },
      }, [document.createTextNode(person.name), person.taken ? el("small", { text: t("taken") }) : null]),
    ])));
    const nodes = [];
    if (state.notice) nodes.push(el("p", { class: "notice", text: state.notice }));
    nodes.push(el("h2", { text: t("choose_name") }), list);
    if (data.new_names) {
      const input = el("input", { id: "new-name", maxlength: "60", autocomplete: "name" });
      nodes.push(el("form", { class: "add", on: { submit: (event) => {
        event.preventDefault();
        join({ name: input.value });
      } } }, [el("label", { for: "new-name", text: t("add_name") }), input, el("button", { type: "submit", text: t("join") })]));
    }
    show(nodes);
  }

  async function join(body) {
    setStatus(t("joining"));
    let response;
    try {
      response = await fetch("/r/" + encodeURIComponent(code) + "/join", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (error) {
      setStatus(t("offline"));
      return;
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok || !data.token) {
      state.notice = t("refused_" + (data.error || "invalid")) || t("refused_invalid");
      setStatus("");
      welcome();
      return;
    }
    state.token = data.token;
    state.notice = "";
    store();
    setStatus("");
    connect();
  }

  // -- the connection ---------------------------------------------------------------

  function connect() {
    if (state.socket && state.socket.readyState <= WebSocket.OPEN) return;
    clearTimeout(state.timer);
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + "/r/" + encodeURIComponent(code) + "/ws");
    state.socket = socket;
    socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "hello", token: state.token, lang: state.lang })));
    socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
    socket.addEventListener("close", () => {
      if (state.socket !== socket) return;
      state.socket = null;
      if (!state.token) return;
      if (!state.ended) setStatus(t("offline"));
      later(connect);
    });
  }

  function later(action) {
    clearTimeout(state.timer);
    const delay = state.ended ? 10000 : Math.min(5000, 500 * 2 ** state.retry);
    state.retry += 1;
    state.timer = setTimeout(action, delay);
  }

  function reconnectNow() {
    if (document.visibilityState !== "visible") return;
    if (state.token && !(state.socket && state.socket.readyState <= WebSocket.OPEN)) {
      state.retry = 0;
      connect();
    }
  }

  document.addEventListener("visibilitychange", reconnectNow);
  window.addEventListener("online", reconnectNow);
  window.addEventListener("pageshow", reconnectNow);

  function receive(message) {
    if (message.type === "state") {
      state.retry = 0;
      state.ended = false;
      state.room = message;
      state.text = message.text;
      if (!["item", "overview"].includes(state.screen)) state.screen = "item";
      state.lang = message.lang;
      Object.entries(state.pending).forEach(([key, pending]) => { state.room.answers[key] = pending.answer; });
      setStatus("");
      drawChrome();
      store();
      sendPending();
      draw();
    } else if (message.type === "saved" || message.type === "refused") {
      settle(message);
    } else if (message.type === "closed") {
      state.room.closed = message.closed;
      draw();
    } else if (message.type === "refresh") {
      state.socket.send(JSON.stringify({ type: "state" }));   // the facilitator changed the round
    } else if (message.type === "revote") {
      const first = items().find((item) => item.part === message.part);   // everyone votes on it again
      if (first) {
        state.at = first.key;
        state.screen = "item";
        store();
        draw();
      }
    } else if (message.type === "released") {
      state.token = null;
      state.pending = {};
      state.notice = t("released");
      store();
      welcome();
    } else if (message.type === "ended") {
      state.ended = true;
      state.screen = "ended";
      setStatus("");
      show([el("p", { class: "notice", text: t("ended") })]);
    }
  }

  // -- answers ------------------------------------------------------------------------

  function answer(key, fields) {
    state.seq += 1;
    const pending = { seq: state.seq, answer: fields };
    state.pending[key] = pending;
    state.room.answers[key] = fields;
    store();
    send(key, pending);
    draw();
  }

  function send(key, pending) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify({ type: "answer", seq: pending.seq, key: key, ...pending.answer }));
    }
  }

  function sendPending() {
    Object.entries(state.pending).forEach(([key, pending]) => send(key, pending));
  }

  function settle(message) {
    const pending = state.pending[message.key];
    if (!pending || pending.seq !== message.seq) return;   // an older send of an answer changed since
    if (message.type === "refused" && message.code === "slow") {
      setTimeout(() => send(message.key, pending), 1500);
      return;
    }
    delete state.pending[message.key];
    if (message.type === "refused") {
      state.notice = t("refused_" + message.code) || t("refused_invalid");
      state.socket?.send(JSON.stringify({ type: "state" }));   // show what is really saved
    } else {
      state.notice = "";
    }
    store();
    draw();
  }

  // -- the questions ------------------------------------------------------------------

  function items() {
    return state.room ? state.room.items : [];
  }

  function currentIndex() {
    const list = items();
    const index = list.findIndex((item) => item.key === state.at);
    if (index >= 0) return index;
    const open = list.findIndex((item) => !(item.key in state.room.answers));
    return open >= 0 ? open : 0;
  }

  function go(index) {
    const list = items();
    state.screen = "item";
    state.at = index >= list.length ? FINISHED : list[Math.max(0, index)].key;
    state.notice = "";
    store();
    draw();
    window.scrollTo(0, 0);
  }

  function draw() {
    if (!state.room || state.screen === "ended") return;
    if (state.screen === "overview") drawOverview();
    else if (state.at === FINISHED) drawFinished();
    else {
      const index = currentIndex();
      state.at = items()[index] ? items()[index].key : null;   // stay here, even once it is answered
      store();
      drawItem(index);
    }
  }

  function navigation(index) {
    const total = items().length;
    return el("nav", {}, [
      el("button", { type: "button", class: "quiet", disabled: index <= 0, text: t("back"),
        on: { click: () => go(index - 1) } }),
      el("button", { type: "button", class: "quiet", text: t("overview"),
        on: { click: () => { state.screen = "overview"; draw(); } } }),
      el("button", { type: "button", text: t("next"), disabled: index >= total,
        on: { click: () => go(index + 1) } }),
    ]);
  }

  function showWithNav(nodes, index) {
    show(nodes);
    document.body.appendChild(navigation(index));
  }

  function drawItem(index) {
    const item = items()[index];
    if (!item) return drawFinished();
    const given = state.room.answers[item.key];
    const closed = state.room.closed.includes(item.part);
    const nodes = [
      el("div", { class: "meta" }, [
        el("span", { text: t("hello", { name: state.room.name }) }),
        el("span", { text: t("position", { number: index + 1, total: items().length }) }),
      ]),
      el("p", { class: "section", text: item.section }),
      el("p", { class: "prompt", text: item.situation ? t("context_prompt", { situation: item.situation }) : t(item.prompt) }),
    ];
    if (item.text) nodes.push(el("p", { class: "statement", text: item.text }));
    nodes.push(item.kind === "scale" ? scale(item, given, closed) : grades(item, given, closed));
    if (closed) nodes.push(el("p", { class: "notice", text: t("closed") }));
    nodes.push(savedLine(item));
    if (state.notice) nodes.push(el("p", { class: "notice", text: state.notice }));
    if (item.kind === "grade") {
      if (item.hint_a || item.hint_f) {
        nodes.push(el("div", { class: "hints" }, [
          item.hint_a ? el("p", {}, [el("b", { text: t("hint_a") }), document.createTextNode(item.hint_a)]) : null,
          item.hint_f ? el("p", {}, [el("b", { text: t("hint_f") }), document.createTextNode(item.hint_f)]) : null,
        ]));
      }
      nodes.push(noteBox(item, given, closed));
    }
    showWithNav(nodes, index);
  }

  function grades(item, given, closed) {
    const chosen = given ? given.grade : null;
    const note = () => document.getElementById("note")?.value ?? (given ? given.note || "" : "");
    const buttons = GRADES.map((letter) => el("button", {
      type: "button", text: letter, "aria-pressed": String(chosen === letter), disabled: closed,
      on: { click: () => answer(item.key, { grade: letter, note: note() }) },
    }));
    buttons.push(el("button", {
      type: "button", class: "na", text: "N/A", "aria-pressed": String(chosen === "NA"), disabled: closed,
      "aria-describedby": "na-help", on: { click: () => answer(item.key, { grade: "NA", note: note() }) },
    }));
    return el("div", {}, [
      el("div", { class: "grades", role: "group", "aria-label": item.section }, buttons),
      el("p", { id: "na-help", class: "prompt", text: "N/A: " + t("not_applicable") }),
    ]);
  }

  function scale(item, given, closed) {
    const chosen = given ? given.value : null;
    const buttons = [1, 2, 3, 4, 5, 6, 7].map((value) => el("button", {
      type: "button", text: String(value), "aria-pressed": String(chosen === value), disabled: closed,
      "aria-describedby": value === 1 ? "pole-left" : value === 7 ? "pole-right" : null,
      on: { click: () => answer(item.key, { value: value }) },
    }));
    return el("div", {}, [
      el("div", { class: "poles" }, [
        el("p", { id: "pole-left" }, [el("b", { text: "1  " }), document.createTextNode(item.left)]),
        el("p", { id: "pole-right" }, [el("b", { text: "7  " }), document.createTextNode(item.right)]),
      ]),
      el("div", { class: "scale", role: "group", "aria-label": t(item.prompt) }, buttons),
      el("p", { class: "prompt", text: t("continuum_help") }),
    ]);
  }

  function savedLine(item) {
    let text = "";
    let kind = "saved";
    if (item.key in state.pending) text = t("saving");
    else if (item.key in state.room.answers) { text = t("saved"); kind = "saved ok"; }
    return el("p", { class: kind, role: "status", text: text });
  }

  function noteBox(item, given, closed) {
    const note = given ? given.note || "" : "";
    const area = el("textarea", { id: "note", rows: "3", maxlength: "1000", disabled: closed, "aria-label": t("note") });
    area.value = note;
    const save = el("button", { type: "button", text: t("save_note"), disabled: closed || !given,
      on: { click: () => answer(item.key, { grade: given.grade, note: area.value }) } });
    return el("details", { class: "note", open: note ? true : null }, [
      el("summary", { text: t("note") }),
      area,
      save,
    ]);
  }

  function drawOverview() {
    const list = el("ul", { class: "overview" }, items().map((item, index) => {
      const given = state.room.answers[item.key];
      const shown = !given ? t("unanswered") : given.value ? String(given.value) : given.grade === "NA" ? "N/A" : given.grade;
      const what = item.kind === "scale" ? t(item.prompt) : item.situation || item.text;
      return el("li", {}, [el("button", { type: "button", on: { click: () => go(index) } }, [
        document.createTextNode((index + 1) + ". " + item.section + ": " + what),
        el("small", { class: given ? "given" : null, text: shown }),
      ])]);
    }));
    showWithNav([el("h2", { text: t("overview") }), list], currentIndex());
  }

  function drawFinished() {
    showWithNav([el("p", { class: "notice", text: t("finished") })], items().length);
  }

  welcome();
})();
