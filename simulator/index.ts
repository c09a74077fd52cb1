export { createSimulator, type Simulator } from "./app.ts";
export { startSimulator, type StartedSimulator } from "./start.ts";
export type { CreateShopOptions, PlanName, StoreSize } from "./store/create-shop.ts";
export { DEMO_SIZE } from "./store/create-shop.ts";
export type { SimulatorStore } from "./store/simulator-store.ts";
export type { AppConfig, Delivery, ShopSettings, ShopState, SimulatorOptions, Via } from "./types.ts";
