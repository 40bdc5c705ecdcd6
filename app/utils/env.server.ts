export { config } from "../../server/config.js";
