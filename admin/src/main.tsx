import { render } from "preact";

function App() {
  return <main>SegOps</main>;
}

render(<App />, document.getElementById("app")!);
