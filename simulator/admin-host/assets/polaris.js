// Polaris stand-in for local runs against the simulator, where Shopify's CDN can't be reached: a stylesheet so
// s-* tags lay out legibly, buttons that behave like buttons (focusable, keyboard, disabled, loading), and
// form fields backed by real inputs, selects and progress bars.
(() => {
  const stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = new URL("polaris.css", document.currentScript.src).href;
  document.head.append(stylesheet);

  const inactive = (element) => element.hasAttribute("disabled") || element.hasAttribute("loading");

  customElements.define(
    "s-button",
    class extends HTMLElement {
      connectedCallback() {
        this.setAttribute("role", "button");
        if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
        this.addEventListener("click", (event) => inactive(this) && event.stopImmediatePropagation(), { capture: true });
        this.addEventListener("keydown", (event) => {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          if (!inactive(this)) this.click();
        });
      }
      static get observedAttributes() {
        return ["disabled", "loading"];
      }
      attributeChangedCallback() {
        this.setAttribute("aria-disabled", String(inactive(this)));
      }
    },
  );

  class Field extends HTMLElement {
    connectedCallback() {
      if (this.input) return;
      const label = document.createElement("label");
      label.textContent = this.getAttribute("label") ?? "";
      this.input = document.createElement("input");
      if (this.localName === "s-checkbox" || this.localName === "s-switch") {
        this.input.type = "checkbox";
        if (this.localName === "s-switch") this.input.setAttribute("role", "switch");
        this.input.checked = this.pendingChecked ?? this.hasAttribute("checked");
      }
      if (this.localName === "s-number-field") this.input.type = "number";
      this.input.value = this.getAttribute("value") ?? "";
      // The element fires the event, as Polaris' own does, once: the inner input's (which bubbles) stops here.
      for (const type of ["input", "change"]) this.input.addEventListener(type, (event) => (event.stopPropagation(), this.dispatchEvent(new Event(type, { bubbles: true }))));
      label.append(this.input);
      this.append(label);
      this.note = document.createElement("small");
      this.append(this.note);
      this.attributeChangedCallback();
    }
    static get observedAttributes() {
      return ["error", "details"];
    }
    // Like Polaris: the error replaces the help text under the field, and names the field invalid.
    attributeChangedCallback() {
      if (!this.note) return;
      const error = this.getAttribute("error");
      this.note.textContent = error ?? this.getAttribute("details") ?? "";
      this.note.className = error ? "field-error" : "field-details";
      this.input.setAttribute("aria-invalid", String(Boolean(error)));
    }
    get value() {
      return this.input?.value ?? this.getAttribute("value") ?? "";
    }
    set value(next) {
      if (this.input) this.input.value = next;
      else this.setAttribute("value", next);
    }
    get checked() {
      return this.input ? this.input.checked : Boolean(this.pendingChecked);
    }
    set checked(next) {
      if (this.input) this.input.checked = Boolean(next);
      else this.pendingChecked = Boolean(next);
    }
  }
  for (const name of ["s-text-field", "s-number-field", "s-checkbox", "s-switch"]) customElements.define(name, class extends Field {});

  // A native progress bar carrying the value, max and label Polaris' s-progress takes.
  customElements.define(
    "s-progress",
    class extends HTMLElement {
      connectedCallback() {
        if (!this.bar) this.append((this.bar = document.createElement("progress")));
        this.attributeChangedCallback();
      }
      static get observedAttributes() {
        return ["value", "max", "accessibilitylabel"];
      }
      attributeChangedCallback() {
        if (!this.bar) return;
        this.bar.max = Number(this.getAttribute("max") ?? 1);
        if (this.hasAttribute("value")) this.bar.value = Number(this.getAttribute("value"));
        this.bar.setAttribute("aria-label", this.getAttribute("accessibilitylabel") ?? "");
      }
    },
  );

  // A real <select> whose options mirror the element's s-option children, kept in step as they change.
  customElements.define(
    "s-select",
    class extends HTMLElement {
      connectedCallback() {
        if (this.select) return;
        const label = document.createElement("label");
        label.textContent = this.getAttribute("label") ?? "";
        this.select = document.createElement("select");
        for (const type of ["input", "change"]) this.select.addEventListener(type, (event) => (event.stopPropagation(), this.dispatchEvent(new Event(type, { bubbles: true }))));
        label.append(this.select);
        this.append(label);
        this.sync();
        new MutationObserver(() => this.sync()).observe(this, { childList: true, subtree: true, characterData: true });
      }
      sync() {
        const options = [...this.querySelectorAll("s-option")].map((option) => [option.getAttribute("value") ?? option.textContent, option.textContent]);
        const same = options.length === this.select.options.length && options.every(([value, text], i) => this.select.options[i].value === value && this.select.options[i].text === text);
        if (!same) this.select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
        this.select.value = this.pendingValue ?? this.getAttribute("value") ?? "";
      }
      get value() {
        return this.select?.value ?? this.pendingValue ?? "";
      }
      set value(next) {
        this.pendingValue = next;
        if (this.select) this.select.value = next;
      }
    },
  );
})();
