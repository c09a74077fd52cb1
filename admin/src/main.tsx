import { render } from "preact";
import { App } from "./app.tsx";
import { interceptAppLinks } from "./router.ts";

document.addEventListener("click", interceptAppLinks);
render(<App />, document.getElementById("app")!);
