// A headless front end's calls, typed by a client generated from Umbraco's own contract and sent to the KOMDIR
// test site whose address is in KOMDIR_SITE (set by DeliveryClientTests in Komdir.Web.BrowserTests).
import { test } from "node:test";
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { paths } from "../generated/umbraco-delivery-api.js";


const site = process.env.KOMDIR_SITE;
const previewKey = process.env.KOMDIR_PREVIEW_KEY;
if (!site) {
  throw new Error("KOMDIR_SITE is not set");
}

const client = createClient<paths>({ baseUrl: site.replace(/\/$/, "") });

test("routes for static generation: every page in one call", async () => {
  const { data, response } = await client.GET("/umbraco/delivery/api/v2/content", { params: { query: { take: 10000 } } });
  assert.equal(response.status, 200);
  assert.ok(data && data.total > 10);
  assert.equal(data.items.length, data.total);
  const paths = data.items.map((item) => item.route.path);
  assert.ok(paths.includes("/"));
  assert.ok(paths.includes("/strategi/"));
});

test("navigation: the children of the root, in sort order", async () => {
  const { data } = await client.GET("/umbraco/delivery/api/v2/content", {
    params: { query: { fetch: "children:/", sort: ["sortOrder:asc"] } },
  });
  assert.ok(data && data.items.length > 0);
  assert.ok(data.items.some((item) => item.route.path === "/strategi/"));
});

test("a page with nested expand and fields", async () => {
  const { data: list } = await client.GET("/umbraco/delivery/api/v2/content", {
    params: { query: { filter: ["contentType:positionPaper"], take: 1 } },
  });
  assert.ok(list && list.items.length === 1);
  const path = list.items[0].route.path!;
  const { data, response } = await client.GET("/umbraco/delivery/api/v2/content/item/{path}", {
    params: { path: { path: path.replace(/^\//, "") }, query: { expand: "properties[period[properties[$all]],$all]", fields: "properties[title,period]" } },
  });
  assert.equal(response.status, 200);
  assert.ok(data);
  assert.equal(data.contentType, "positionPaper");
  assert.deepEqual(Object.keys(data.properties as object).sort(), ["period", "title"]);
});

test("media: the library and one item by id", async () => {
  const { data, response } = await client.GET("/umbraco/delivery/api/v2/media", { params: { query: { fetch: "children:/", take: 100 } } });
  assert.equal(response.status, 200);
  assert.ok(data);
  assert.equal(data.items.length, Math.min(100, data.total));
  for (const media of data.items) {
    const { data: item } = await client.GET("/umbraco/delivery/api/v2/media/item/{id}", { params: { path: { id: media.id } } });
    assert.equal(item?.id, media.id);
    assert.ok(item?.url);
  }
});

test("an unknown page is problem+json, not HTML", async () => {
  const { error, response } = await client.GET("/umbraco/delivery/api/v2/content/item/{path}", { params: { path: { path: "findes/ikke" } } });
  assert.equal(response.status, 404);
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.ok(error);
});

test("preview with the key shows content, without it 401", async () => {
  assert.ok(previewKey, "KOMDIR_PREVIEW_KEY is not set");
  const { data: list } = await client.GET("/umbraco/delivery/api/v2/content", { params: { query: { fetch: "children:strategi" } } });
  const id = list!.items[0].id;
  const withKey = await client.GET("/umbraco/delivery/api/v2/content/item/{id}", {
    params: { path: { id }, header: { Preview: true } },
    headers: { "Api-Key": previewKey },
  });
  const withoutKey = await client.GET("/umbraco/delivery/api/v2/content/item/{id}", { params: { path: { id }, header: { Preview: true } } });
  assert.equal(withKey.response.status, 200);
  assert.equal(withKey.data?.id, id);
  assert.equal(withKey.response.headers.get("cache-control"), "no-store");
  assert.equal(withoutKey.response.status, 401);
});
