// wrangler needs a default export; this is the bare-runtime ceiling the benchmark compares SegOps against.
export default {
  fetch: () => new Response("ok"),
};
