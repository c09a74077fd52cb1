import type { Criterion } from "./score-types.ts";

const POINTS = { missing: 15, alt: 10 };

/** Images (15): at least one image 5, alt text 10 × the share of images that have it (rounded down). */
export const scoreImages: Criterion = {
  name: "images",
  weight: 15,
  check: ({ images }) => {
    if (images.length === 0) {
      return [{ code: "images_missing", points: POINTS.missing, message: "Add product images, each with alt text that says what it shows." }];
    }
    const without = images.filter((image) => image.alt === null).length;
    const points = POINTS.alt - Math.floor((POINTS.alt * (images.length - without)) / images.length);
    if (points === 0) return [];
    const which = without === images.length ? (without === 1 ? "The image has" : `All ${without} images have`) : `${without} of ${images.length} images ${without === 1 ? "has" : "have"}`;
    return [{ code: "image_alt_missing", points, message: `${which} no alt text: describe what each one shows (color, angle, the product in use).` }];
  },
};
