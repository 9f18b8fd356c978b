export { HttpClient } from './http-client.js';
