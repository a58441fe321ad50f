import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The baseline: a bare Hono hello-world on @hono/node-server, served the way the hub is. */
const app = new Hono().get('/', (c) => c.text('Hello Hono!'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: process.env.HOST ?? '127.0.0.1' });
