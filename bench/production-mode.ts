// Imported first: graphql-js picks its instanceOf (with development-only realm checks, ~4% of the page's
// CPU) when it is loaded, and the benchmark measures the hub as it runs in production.
process.env.NODE_ENV = 'production';
