// The OpenAPI 3 description of the API, served at /api/openapi.json. Keep it beside api.cc's routes.
#include "serve/api.h"

namespace sitrep::serve {

const char* Api::OpenApiJson() {
  return R"json({
  "openapi": "3.0.3",
  "info": {"title": "sitrep", "version": "0.1.0",
           "description": "Sourced, structured conflict events extracted from news. Read-only except POST /api/ingest, which needs the token given to sitrep serve --token. Errors are JSON {error, status}; malformed parameters give 400; 503 when the store fails or when a request's queries run past the server's time limit (sitrep serve --time-limit)."},
  "components": {
    "parameters": {
      "place": {"name": "place", "in": "query", "schema": {"type": "string"}, "description": "Place name, text, gazetteer id or #ID"},
      "radius": {"name": "radius", "in": "query", "schema": {"type": "string"}, "description": "With place: also events within this distance, e.g. 30km or 500m"},
      "country": {"name": "country", "in": "query", "schema": {"type": "string"}, "description": "ISO 3166-1 alpha-2"},
      "admin1": {"name": "admin1", "in": "query", "schema": {"type": "string"}},
      "actor": {"name": "actor", "in": "query", "schema": {"type": "string"}, "description": "Canonical actor name or a part of it"},
      "type": {"name": "type", "in": "query", "schema": {"type": "string"}, "description": "ACLED type, ACLED sub-event type or PLOVER type"},
      "from": {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
      "to": {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
      "source": {"name": "source", "in": "query", "schema": {"type": "string"}, "description": "Attributed source or outlet"},
      "min_confidence": {"name": "min_confidence", "in": "query", "schema": {"type": "number", "minimum": 0, "maximum": 1}},
      "order": {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["newest", "oldest"], "default": "newest"}}
    },
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
      "Place": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "text": {"type": "string"}, "admin1": {"type": "string", "nullable": true}, "country": {"type": "string", "nullable": true}, "lat": {"type": "number", "nullable": true}, "lon": {"type": "number", "nullable": true}, "precision": {"type": "string", "nullable": true}, "gazetteer_id": {"type": "string", "nullable": true}, "events": {"type": "integer"}}},
      "Actor": {"type": "object", "nullable": true, "properties": {"name": {"type": "string"}, "kind": {"type": "string", "nullable": true}}},
      "Event": {"type": "object", "properties": {
        "id": {"type": "integer"},
        "type": {"type": "object", "properties": {"display": {"type": "string"}, "family": {"type": "string"}, "acled": {"type": "string", "nullable": true}, "acled_sub": {"type": "string", "nullable": true}, "plover": {"type": "string", "nullable": true}, "cameo": {"type": "string", "nullable": true}}},
        "date": {"type": "object", "properties": {"start": {"type": "string", "nullable": true}, "end": {"type": "string", "nullable": true}}},
        "place": {"$ref": "#/components/schemas/Place"},
        "country": {"type": "string", "nullable": true}, "lat": {"type": "number", "nullable": true}, "lon": {"type": "number", "nullable": true},
        "actor1": {"$ref": "#/components/schemas/Actor"}, "actor2": {"$ref": "#/components/schemas/Actor"},
        "killed": {"type": "object", "nullable": true, "properties": {"min": {"type": "integer"}, "max": {"type": "integer"}}},
        "claim_count": {"type": "integer"}, "source_count": {"type": "integer"}, "confidence": {"type": "number"}}},
      "Claim": {"type": "object", "description": "One source's account: one sentence of one article", "properties": {
        "id": {"type": "integer"}, "says": {"type": "string"},
        "doc": {"type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"}, "published": {"type": "string"}, "url": {"type": "string"}}},
        "trigger": {"type": "string"}, "killed": {"type": "integer", "nullable": true}, "modality": {"type": "string"}, "negated": {"type": "boolean"},
        "confidence": {"type": "number"}, "sentence": {"type": "integer"}, "evidence": {"type": "string"},
        "link": {"type": "object", "properties": {"rule": {"type": "string"}, "linked_claim": {"type": "integer", "nullable": true}, "detail": {"type": "string", "nullable": true}}}}}
    },
    "responses": {
      "BadRequest": {"description": "Malformed or unknown parameter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such item", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}
  },
  "paths": {
    "/api/events": {"get": {"summary": "Events matching the filters of sitrep query, a page at a time",
      "parameters": [{"$ref": "#/components/parameters/place"}, {"$ref": "#/components/parameters/radius"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/admin1"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/source"}, {"$ref": "#/components/parameters/min_confidence"}, {"$ref": "#/components/parameters/order"},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 100}},
        {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}}],
      "responses": {"200": {"description": "A page of events", "content": {"application/json": {"schema": {"type": "object", "properties": {"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "offset": {"type": "integer"}, "limit": {"type": "integer"}, "more": {"type": "boolean"}, "next_offset": {"type": "integer", "nullable": true}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/events/{id}": {"get": {"summary": "One event with every claim, its source and evidence sentence, and where the sources disagree",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "The event", "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Event"}, {"type": "object", "properties": {"claims": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}}, "disagreements": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "values": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}, "says": {"type": "array", "items": {"type": "string"}}}}}}}}}}]}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/documents/{id}": {"get": {"summary": "A stored article and its stored (evidence) sentences in order",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The document"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/places": {"get": {"summary": "Places whose name starts with q (or q=#ID), most events first",
      "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}],
      "responses": {"200": {"description": "Places", "content": {"application/json": {"schema": {"type": "object", "properties": {"places": {"type": "array", "items": {"$ref": "#/components/schemas/Place"}}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/places/{id}/control": {"get": {"summary": "Who held the place, since when, and according to whom (sitrep control)",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, {"name": "on", "in": "query", "schema": {"type": "string", "format": "date"}}],
      "responses": {"200": {"description": "The control timeline: holder, since, changes with their claims"}, "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/summary": {"get": {"summary": "Counts of the matching events by day, type, country and actor",
      "parameters": [{"$ref": "#/components/parameters/place"}, {"$ref": "#/components/parameters/radius"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/admin1"}, {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/type"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/source"}, {"$ref": "#/components/parameters/min_confidence"}],
      "responses": {"200": {"description": "total, located, undated, by_day, by_type, by_country, by_actor ([name, count] pairs)"}, "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/api/stats": {"get": {"summary": "Totals of the store, and whether ingest is enabled", "responses": {"200": {"description": "Totals"}}}},
    "/api/ingest": {"post": {"summary": "Extract and store articles (only with the token)", "security": [{"token": []}],
      "parameters": [{"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Publication date for every article"}],
      "requestBody": {"required": true, "content": {"application/x-ndjson": {"schema": {"type": "string"}, "example": "{\"id\":\"a1\",\"published\":\"2016-03-27\",\"text\":\"Syrian troops recaptured Palmyra.\"}"}, "text/plain": {"schema": {"type": "string"}}}},
      "responses": {"200": {"description": "articles, stored, skipped, claims, new_events, fused"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"description": "No token"}, "403": {"description": "Wrong token, or the server is read-only"}, "413": {"description": "Body or article count too large"}}}},
    "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3"}}}}
  }
}
)json";
}

}  // namespace sitrep::serve
