// The package exports its store base class in its types but not from its entry point; Linli's
// database store (server/lib/limits.ts) extends it, so it is imported from its own file.
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  import { RateLimiterStoreAbstract } from 'rate-limiter-flexible';
  export default RateLimiterStoreAbstract;
}
