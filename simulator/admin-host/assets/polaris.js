// Polaris stand-in for local runs against the simulator, where Shopify's CDN can't be reached: a stylesheet so
// s-* tags lay out legibly, buttons that behave like buttons (focusable, keyboard, disabled, loading), and
// form fields backed by real inputs, and progress bars.
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
      if (this.localName === "s-checkbox") {
        this.input.type = "checkbox";
        this.input.checked = this.pendingChecked ?? this.hasAttribute("checked");
      }
      if (this.localName === "s-number-field") this.input.type = "number";
      this.input.value = this.getAttribute("value") ?? "";
      for (const type of ["input", "change"]) this.input.addEventListener(type, () => this.dispatchEvent(new Event(type, { bubbles: true })));
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
  for (const name of ["s-text-field", "s-number-field", "s-checkbox"]) customElements.define(name, class extends Field {});

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
})();
