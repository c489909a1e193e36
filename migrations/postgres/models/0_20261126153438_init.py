from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "location" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "address_name" VARCHAR(200),
    "address_line1" VARCHAR(200),
    "address_line2" VARCHAR(200),
    "address_city" VARCHAR(100),
    "address_region" VARCHAR(100),
    "address_postal_code" VARCHAR(20),
    "address_country" VARCHAR(2),
    "address_phone" VARCHAR(40),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "active" BOOL NOT NULL,
    "ships_orders" BOOL NOT NULL,
    "pickup_enabled" BOOL NOT NULL,
    "priority" INT NOT NULL,
    "daily_capacity" INT CHECK ("daily_capacity" >= 0)
);
CREATE TABLE IF NOT EXISTS "order" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "address_name" VARCHAR(200),
    "address_line1" VARCHAR(200),
    "address_line2" VARCHAR(200),
    "address_city" VARCHAR(100),
    "address_region" VARCHAR(100),
    "address_postal_code" VARCHAR(20),
    "address_country" VARCHAR(2),
    "address_phone" VARCHAR(40),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" VARCHAR(32) UNIQUE,
    "channel" VARCHAR(64) NOT NULL,
    "external_id" VARCHAR(200),
    "status" VARCHAR(24) NOT NULL,
    "customer_email" VARCHAR(320) NOT NULL,
    "customer_name" VARCHAR(200),
    "has_shipping_address" BOOL NOT NULL,
    "delivery_method" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "subtotal" DECIMAL(14,2) NOT NULL,
    "cancel_reason" VARCHAR(16),
    "cancelled_at" TIMESTAMPTZ,
    "delivered_at" TIMESTAMPTZ,
    "pickup_location_id" INT REFERENCES "location" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_order_channel_970f5c" ON "order" ("channel", "created_at");
CREATE INDEX IF NOT EXISTS "idx_order_status_4d7d61" ON "order" ("status", "created_at");
COMMENT ON TABLE "order" IS 'A customer order; the `address_*` columns are the shipping address.';
CREATE TABLE IF NOT EXISTS "idempotency_record" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "channel" VARCHAR(64) NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_idempotency_channel_c7adeb" UNIQUE ("channel", "key")
);
COMMENT ON TABLE "idempotency_record" IS 'One `placeOrder` per (channel, key): the same key returns the same order.';
CREATE TABLE IF NOT EXISTS "order_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "type" VARCHAR(64) NOT NULL,
    "message" VARCHAR(2000) NOT NULL,
    "actor" VARCHAR(200),
    "data" JSONB,
    "created_at" TIMESTAMPTZ NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "order_event" IS 'The order''s timeline, oldest first. Never updated, never deleted.';
CREATE TABLE IF NOT EXISTS "order_hold" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "reason" VARCHAR(32) NOT NULL,
    "note" VARCHAR(1000),
    "actor" VARCHAR(200),
    "created_at" TIMESTAMPTZ NOT NULL,
    "released_at" TIMESTAMPTZ,
    "released_by" VARCHAR(200),
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "outbox_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "stream" VARCHAR(64) NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "published_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_outbox_even_stream_ffe394" ON "outbox_event" ("stream", "id");
CREATE INDEX IF NOT EXISTS "idx_outbox_even_publish_210a55" ON "outbox_event" ("published_at", "id");
COMMENT ON TABLE "outbox_event" IS 'An event written in the same transaction as the change it reports.';
CREATE TABLE IF NOT EXISTS "product" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "sku" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "price_amount" DECIMAL(14,2),
    "price_currency" VARCHAR(3),
    "tags" JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS "inventory_level" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "on_hand" INT NOT NULL CHECK ("on_hand" >= 0),
    "reserved" INT NOT NULL CHECK ("reserved" >= 0),
    "safety_stock" INT NOT NULL CHECK ("safety_stock" >= 0),
    "location_id" INT NOT NULL REFERENCES "location" ("id") ON DELETE RESTRICT,
    "product_id" INT NOT NULL REFERENCES "product" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_inventory_l_locatio_68979a" UNIQUE ("location_id", "product_id"),
    CONSTRAINT "ck_inventory_level_reserved_within_on_hand" CHECK ("reserved" <= "on_hand")
);
COMMENT ON TABLE "inventory_level" IS 'Stock of one product at one location.';
CREATE TABLE IF NOT EXISTS "inventory_ledger" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "on_hand_delta" INT NOT NULL,
    "reserved_delta" INT NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "actor" VARCHAR(200),
    "reference" VARCHAR(200),
    "note" VARCHAR(500),
    "created_at" TIMESTAMPTZ NOT NULL,
    "level_id" INT NOT NULL REFERENCES "inventory_level" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "order_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "quantity" INT NOT NULL CHECK ("quantity" > 0),
    "unit_price" DECIMAL(14,2) NOT NULL,
    "allocated_quantity" INT NOT NULL CHECK ("allocated_quantity" >= 0),
    "backordered_quantity" INT NOT NULL CHECK ("backordered_quantity" >= 0),
    "shipped_quantity" INT NOT NULL CHECK ("shipped_quantity" >= 0),
    "delivered_quantity" INT NOT NULL CHECK ("delivered_quantity" >= 0),
    "cancelled_quantity" INT NOT NULL CHECK ("cancelled_quantity" >= 0),
    "returned_quantity" INT NOT NULL CHECK ("returned_quantity" >= 0),
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "product_id" INT NOT NULL REFERENCES "product" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "return" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "received_at" TIMESTAMPTZ,
    "refund_amount" DECIMAL(14,2),
    "refunded_at" TIMESTAMPTZ,
    "decline_reason" VARCHAR(1000),
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "received_location_id" INT REFERENCES "location" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "return_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL CHECK ("quantity" > 0),
    "reason" VARCHAR(500),
    "disposition" VARCHAR(16),
    "order_line_id" INT NOT NULL REFERENCES "order_line" ("id") ON DELETE CASCADE,
    "return_id" INT NOT NULL REFERENCES "return" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "routing_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "max_splits" INT NOT NULL CHECK ("max_splits" > 0),
    "split_lines" BOOL NOT NULL,
    "acceptance_minutes" INT NOT NULL CHECK ("acceptance_minutes" >= 0),
    "backorders" VARCHAR(16) NOT NULL,
    "return_window_days" INT NOT NULL CHECK ("return_window_days" >= 0),
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "routing_settings" IS 'A single row (id 1): the knobs of the sourcing engine and the lifecycle.';
CREATE TABLE IF NOT EXISTS "vendor" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(64) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "active" BOOL NOT NULL,
    "webhook_url" VARCHAR(2000),
    "webhook_secret" VARCHAR(200)
);
CREATE TABLE IF NOT EXISTS "api_key" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "public_id" VARCHAR(32) NOT NULL UNIQUE,
    "secret_hash" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "location_ids" JSONB NOT NULL,
    "channel" VARCHAR(64),
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "vendor_id" INT REFERENCES "vendor" ("id") ON DELETE RESTRICT
);
COMMENT ON TABLE "api_key" IS 'An API key. Only a SHA-256 hash of its secret is stored.';
CREATE TABLE IF NOT EXISTS "fulfillment_order" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "routing_reason" VARCHAR(2000) NOT NULL,
    "assigned_at" TIMESTAMPTZ NOT NULL,
    "assigned_on" DATE NOT NULL,
    "accept_by" TIMESTAMPTZ,
    "accepted_at" TIMESTAMPTZ,
    "packed_at" TIMESTAMPTZ,
    "shipped_at" TIMESTAMPTZ,
    "rejected_at" TIMESTAMPTZ,
    "reject_reason" VARCHAR(32),
    "reject_message" VARCHAR(1000),
    "cancelled_at" TIMESTAMPTZ,
    "location_id" INT REFERENCES "location" ("id") ON DELETE RESTRICT,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    "vendor_id" INT REFERENCES "vendor" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_fulfillment_locatio_fe87fa" ON "fulfillment_order" ("location_id", "status");
CREATE INDEX IF NOT EXISTS "idx_fulfillment_vendor__3edb16" ON "fulfillment_order" ("vendor_id", "status");
CREATE INDEX IF NOT EXISTS "idx_fulfillment_status_89bbbe" ON "fulfillment_order" ("status", "accept_by");
COMMENT ON TABLE "fulfillment_order" IS 'One assignee''s share of one order: exactly one of location and vendor is set.';
CREATE TABLE IF NOT EXISTS "fulfillment_order_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL CHECK ("quantity" >= 0),
    "shipped_quantity" INT NOT NULL CHECK ("shipped_quantity" >= 0),
    "cancelled_quantity" INT NOT NULL CHECK ("cancelled_quantity" >= 0),
    "fulfillment_order_id" INT NOT NULL REFERENCES "fulfillment_order" ("id") ON DELETE CASCADE,
    "order_line_id" INT NOT NULL REFERENCES "order_line" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "routing_rule" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "priority" INT NOT NULL,
    "active" BOOL NOT NULL,
    "skus" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "channels" JSONB NOT NULL,
    "destination_countries" JSONB NOT NULL,
    "destination_regions" JSONB NOT NULL,
    "postal_code_prefixes" JSONB NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "location_ids" JSONB NOT NULL,
    "vendor_id" INT REFERENCES "vendor" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "shipment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "carrier" VARCHAR(100),
    "tracking_number" VARCHAR(200),
    "shipped_at" TIMESTAMPTZ NOT NULL,
    "delivered_at" TIMESTAMPTZ,
    "fulfillment_order_id" INT NOT NULL REFERENCES "fulfillment_order" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "shipment_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL CHECK ("quantity" > 0),
    "order_line_id" INT NOT NULL REFERENCES "order_line" ("id") ON DELETE CASCADE,
    "shipment_id" INT NOT NULL REFERENCES "shipment" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "webhook_delivery" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "delivery_id" VARCHAR(64) NOT NULL UNIQUE,
    "event" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "last_response_status" INT,
    "last_error" VARCHAR(1000),
    "next_attempt_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "vendor_id" INT NOT NULL REFERENCES "vendor" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_webhook_del_status_5b6f00" ON "webhook_delivery" ("status", "next_attempt_at");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1znDi2/itUf1nnljdlt+1kdnZqqtqOM+Mdx861PS+1SYqmQba5poEIYadrN//9Sr"
    "wjJBpoaAM+nxKDjhqeczjSedV/JkvHQJb3euaav6HV5EflPxNbWyL6H+7OrjLRXDe9zi4Q"
    "bWEFQzXXVB+iQQuPYE0n9PKtZnmIXjKQp2PTJaZjs8EzW5l9PFPo+NfKpW2tFE25/nX29+"
    "nRG+Ve8+4V51Yxiad4SMeIKCb9H3EwMl6z2Q1Hp9Ob9t0mE322P9s39yi+ca/ZBjIUxw/G"
    "zJ2lp/7k+gvL1FXT+Fn9CdP7zvLn+T+VeXJ5rtyatuEp5B59trHztMv+F/6qi51HFNxRMP"
    "JI8Ni+bX71kUqcO0SvY/rwn77Qy3QK9A158Z/ug3prIsvIccE02ATBdZWs3ODamU3eBwMZ"
    "IgtVdyx/aaeD3RW5d+xktGkTdvUO2QhrBLHpCfYZY2zfsiIWxrwKnzQdEj5ihsZAt5pvMf"
    "Yy6vAB0msTVb24vFGvT29UdVJgfUyRYWJ0SXdsJjb0Ub3g7e/YI/x9un/49vCHgzeHP9Ah"
    "wWMmV95+D386BSYkDOC5uJl8D+5rRAtHBBinoFK+MyRUjRTBfUfvEHOJxAjnKTmkjYj0df"
    "wfHvcY5TLg4wsp8ul3tA3o6Qsa7GuKWF6C883Zh9Prm9mHj+znlp731Qrwm92csjvT4OqK"
    "u7rz5hW77lAVEaqOZBLlz7ObXxX2p/Lvy4vTAF7HI3c4+MV03M2/J+yZNJ84qu08qZqRkc"
    "74aowaHZly3XeNhlzPUwLX+8L1GKMM26OnT7me6Owi00/uNSxmeI6I4zfFrQmHn1ehLrVv"
    "qoXsO3JP/zyYlvD3j9nVya+zq52DKcezi+jONLj1PQdyuJSqbAGsAzNH1g7Qz/0p5aB+c1"
    "gB6jeHUqjZrTzUwb81MI7HjxDc6d5eBXTpKCm8wb08vtixauEbjx8hvvtvKsC7z+v2FF12"
    "Kw+u5egaeyaqWb0iyP+6vrwQg8zT8UuwqRPlv4pleoWtblugT3669W2dPYOy8E2LmLb3mv"
    "3ez5OOWFECPcMpt/rGkO98mP3Fc+Pk/PKYX1bZBMcca3RqB9nIqiP6GZJG0h+tgP0U/vY1"
    "N0aPzkOj/WeesoX9Z8+QH+52s2hlWJpHVN9rxGeeFjjdZ04/IttwsNCykHpocjTrHTX9Z2"
    "gbrhrm/Lp9EHpqQryKAL93MDLv7N/QKsD5jD6TZuuijVjkxvwjmWhY+H6PJSi+mj4i1p4S"
    "h2FesOjr05dGJADgigr61dkJBZrhvND0hycNG2oOcHbHmTrclWRs8dZyuuSvaLZ2F+DDXo"
    "Q9doT8e9+6NS1riWxyiY3A+1lwMhfG7Ja5m2/T0aqTDF/reL60kaJ5HhUbhP7mKR7d1yDm"
    "JHbo9WCaHxX0jc5grcJLt0q87VQ021BChAM/MiJFb3Trs693Gn9K9sVsPP0CiO9N6JhPmc"
    "8mezX6PwNL15FL1MVq8gU8z+B57oWmG6gPEjzPL5HrVTzPqbqt7A9NKLbnTZpcfjy96MqJ"
    "0bU/CTs+ob+vUiHywlWwutuOpxyhA2+6V9VDWuoiLfhIo31OE4XGkY5Qow1XgxUXroRboo"
    "+LMXoNk4VfVo7J42IwYxr/rSRb7bpfSpYQPEG9/kwCVjXTh3lS4HOf+exqejMHfo4QeNxn"
    "Hnv3pus2YnKeErjcZy5j9H9Ib6axOVLgc//53MQ+5AnHF+FuPw0sAm2JPE+7q5dFU6AcH9"
    "771azx/TJrfF9gjess8mVZzbzKHC1osz5rs0waVI3YDEcFUec4TJMCGwTo6qGaJWkEad/c"
    "Gm1jCukR3adHJNHvDbMjkqD7wGS2anZE9mPNJUeczK5PZu9OJ0I12wKw55mphiW5VaHlVh"
    "dJ6klRMbQALuT0lOX0ZOTZtJEgDnkckb3/7QpZiZSKoeYTdM7plCPSFwUPEHvRDSG7jqYZ"
    "E0zbzBMLRKxCrlgsijXyxVQrplmXNCaHDGp6+5VZ9dXXbGISQZhNCm2WBLbwgi187NFugK"
    "2IdHsY7w0E4NT90gBiMTGAzINcVP+1FLCMHDSG1JHCltcm3pQMHaC73voX5sFvaFOJMvEH"
    "hnpV80r2Ya93EOQ3kW34XkZmT/FQFz5vMcbPU6ByZqCl6xBk66srpNNHnQisjuKgUpPDTI"
    "erOB1fqUZl7lqajgKxmCsuwspOVGi7y3odvfox6C3k0cdjfyoYER/bXnoxwFpcn9LazALj"
    "51O2HJg1g/oC5hAUmvRRaQ205AAKTV4i16sUmjxD64becbfj3g1Rd8Oq8EbDRwhtNz13EH"
    "1Tr37/KJ5uhHi3L8qQ6wBh+V6ZhT20CO1HZBMHr86RcYfwqU2wsDeucNxuqV0YU9AvnJH0"
    "Kwh1bN69FMPrH9PpwcHb6d7Bmx+ODt++PfphL9EBxVtlyuD47BemD3Lqd715RjFkfYeZyB"
    "Otjibm6cDdz7ug6b4a4UdUH9siIYBbBLd+Iv2IC6zbT6Gn64AoN0qOb0IwvoT5jmyNW4RR"
    "tO2qLsQZIgC6EtC2Q+o1qo3Gjw/eo0rwHpXAeySo+gAH78hcfVUcvBZ6RFbN8o8MCRjv64"
    "33AK8WjPeMcRhNODCcK2eAZwSsV50HOQ6UG/ARj6qZ7vHgtfHca+LoD3EbQBc7hq8TRSPB"
    "n3HmfDFWW4mKHWMzj+zBedBDcB5bMHM60lop9DGxwjz9d0iJXQTKk0nu6WhKK/JezBVdw3"
    "hFnyMN+wbmkLereI6CNP1eCV5fQV99+srhCTiev4xP2wndGvIgcba2InoziBRDpLifGnDE"
    "GwmIFI+N61UixdFyUd/hCN6wMldjAycjACosONBuEVmpHtv/1ACVJwNgeWCfr3NA77R7y8"
    "hGm9h6wOaJANcKVvmz1GT3DeTuirJjW2xzeD+mM40U3fzXu0lhdpIDwMXha5QZy3IQRoJ9"
    "pyXHiSYQuIayWkLuFMqqpf7kcYBPBHwiYB2DT+TFc72KT4SOpJN5at2DVXm68cWtO0kLiG"
    "FjxYD7TfBOCAHw2oBPmwI+BcBrA64L2zmsx1sXd3IYAdz7VRuglvU/lcGN0Z3QP7Ae8JQS"
    "IK8FOVuJNYsiajRaOTny8YE/raZdSpSLVLc4fmzo11YvKekIEa8CuBxvqaBTmJqJeEw4Pq"
    "gPqwj3oVy4DwvCzVxdxBfpkveWo8liFBkiDuRbRjU8mEtgfXf5+/H5qfLx6vTk7PosOgU+"
    "MaaCm+wSvWDG/sjZeSEUZN81gDlLBThXwLnuqrjRMtgz91zHJax1TfWNTPTeuWK6t2AeTF"
    "GOSEm5uynMEBkDvu2fWanpxHwUiO+x41hIs6VVPhERh/GCUnUFcqwytqt7jy8vz3Ouw+Mz"
    "rrzy4vcPx6cU9Vd5HSzuX+mFvb1EzXzLAOdJAfbqsLum/uC7KrIZCqIy4zLgi8RbhD65Ml"
    "zssengen1EsyTbS0XZ3xtK7pShmdZK1TVXE3v0pMAWCeFIC0miT5VsiUK/xpZ72g+PFdKk"
    "iaz4cnUrG4I22qom0QrWhpSNWbQw0pHJOiZErSI3Q+oqmGREUHWZuhSKlSBvKZE3edJS0p"
    "5off3aTNF9jzhLhMPun/8MysLmsXvzf+ZKuNx5ioZRWDLGGr+z+rFoTLG6raU51+dM5VqS"
    "ZhJz6LBP1DjViO/xdyDNCtKseqFUBppwA2lWL5HrkGbVOxcupFlBmtXLABzSrCDNatyQQ5"
    "oVpFn1DHFIs4I0K0j/gTSr58fZ9pcLUQ1tSTZQQtGKtuhRplX77WjhaJHOk9nQN4KwrYm7"
    "Osph5sjGt/B1YjSmXv+qOKcU25PmycfTi3dnF79MtgN0FZGeykV6WhDpOL6joqVm1lMeBc"
    "oR6pCDSgbLQYnFclA0WRLk6jpYC4SgSiqpknvNU+PApBoZIkXcS3PdZFNAxluNjDcDWeYj"
    "wit1iShqtdZQAekI1U37Kcy6j1k3/Fp+kSzNCEE+qKLR5fq8sE/xF8QhmmDtfId0c6lZks"
    "1KhowPj4Z0ryP6AQJeZkhSA/LD7Hxn/3B3yimMrIuEk2LWx8pS6x9pUiAc34rZgc4IQLOa"
    "ZXtwtC1E/nuG/nAD/cX8jmhVbcRpnhY43WdOR2myzZqLiokhQ35tK0wOOIF/ucOOmD2Dun"
    "LLRqGwbdC6sQfFCD3dn62pRjDQ0nUIswToBkqn0G1akJBOeBXMN1bkECu8aKMY4ZRNNFaU"
    "7h1rU4kKQPrVsUYrSSzTrA2Mzk17iEm2FUtbtlnRMhiIOi9pCZWTrK4lUV1riltUlAxcW+"
    "Jyc4/COpS/eQozKdjXsavQzx95RLk1sUdeKxfBUUpR+vmuYgd/hlsHo1jg0sqMcLTzQI92"
    "DgAs4C/3JsXjR+gUbT9YvkSeR7VHHXwzJCOEeLpXNbZVGtwqZkDCOcTdhg+Z/iji+6/ryw"
    "tZMwHhmeSGqRPlv4plegN0lJSgyoDIucFiMHc+zP7icT45vzzm/VtsgmM4M7eyxA+z8qxK"
    "vWG4I6zlm8ySwOk8612SSUX5ho7Isbm+djk3ZFaucs7Hk9n1yezd6XOdlJu6PGSWV+wPWW"
    "d43cfj4DCUIX3buyUGTf0A+YaR8b593V0nWdsOqdfOMho/vp32fjVrZr/MmtkHa2b71gzs"
    "rOXoj3dnjen+RfMasZ0jhTyPPud5JMxa1Er55MhAlVZSpWCugrkK5up6czWIPsvM1Tg0vc"
    "5cteJxYK4O6dveLTFX6eJnivPi5KmIGRLQn6JG6g9+nYU/Gj5C47/9iOZXX7NJvb7SWRIQ"
    "V4G40vciqotNXeBWKa2fyRNCBQ3KinWxgkazgoRausNvIMVi4u3J81Daz7MtU7BZaQazjB"
    "yAFp0W4jYDWUQKAEsqdZtBLCYGkHmQ01q5BiCLiQFkHuQwO7gZxkJagJiHGNxg7WPqYsfw"
    "dVKzTi9HBLiCe3F77kWB8LaA68d0ppEim/9mWypzbKFsiK9yHH8FURuohWVEY8aK2U9tyd"
    "h1NNfY8Oo0oOKThfNNXnuVub1bGlQJBtapvprZSjBaecImIchWTDs88oc+AX1vzfbY0aeO"
    "rWhecJ11l7xDikkUjFwHE9H5QhtP+dn+bLMiLkyFbaW4/sIyvXvkKbqzXLIpDQU7T5TYYf"
    "QmVhbY0Qxd8wjCypw+CNKWc/arpvHZDhY5RbMNhS5LS9dT5vF8LPdhHh5+ZBqKGT4MfQT2"
    "m7qPPQcrO3PPpEvZ/FXlE4/CX2ejqe7/wg46yv5cfB1Kx3pZOpYyr3KkJaGAYEuFYAvU5n"
    "UIrqutLKoHi/jKi5oyJBvVNfUNaihs6g0rRpx+ya/sdfjO00ICZt8SMAsOpufJtYqdJQKz"
    "IONHkZsEGbcNJFkNysNZtlOFBeclLjhwcufYuC5YfYrOuWdM/uvR4SrtG0x1O/Vv1KC/dx"
    "9M95UUQSKfqi3ZSWwChVWWCMiTbpwKOJzNcaNMwBCvJn3hi5TjqxNquTk80e4EMRK5lyUe"
    "v30Xy+SnW98One0L37SIaXuv2e/9PNm+XLfmeKlhmGWsEJuFJBy8olLxGNlIzWNcZ/Fs52"
    "yyAWr/SlHBtEQHulVuNx4YNa4U2PxpS0u5yY/TMWDxb23FAYsfbD+w+IHrbVj8wzgl8er0"
    "f3+nr3r6rqvdZNdn4mCkI/OxYf+MHCmEb/rzORW1KEbUDDKaeSIKtOCKyH5vRVdECFjDjy"
    "pHCh9Vnz8qKvjMNGxwfluRcnwup646qUFZThfVZNFa3uwgLRk5HKUFlTrPUqlTEMgWEB7/"
    "EWWyz3iD6h2oPXk236msO1Uez3U+VOhPNT5HKjT86WIHteUW1T1bY/J7/6NKW/+jkp3/ke"
    "C8EtOTd1YrsbXyZOMDu32vYBr2bGJnZehAVUhbd6h1TayACGCtalhFgLWw8R/dGYrFfX9W"
    "INdbV/nGpW0YriPb3fMAF/Rin1rZXjk+oS955VticyFzu9xeCAeqOB4JBsOQVGmZwQCZF3"
    "LohxmDh8yLl8j1KpkXUBLQeUmAg+s5X7Ik29v67+8NpVEfa6byKBDaY8exkGaLQU2JOEgX"
    "lKorTONNwXYD68eXl+c57XN8xjUGufj9w/Hp1c4+l+IgbMNeK/E/Hg+J/zkGtNFxAWowes"
    "MK1r/JFpZUyNmRpQGWtM4S+pj0pcIops4S17ApCkSWnHYtmwCY1SmzMLqj/zRmVYYcGNU6"
    "o9h9zaLQG0h1Mbo1v9X7qGT0wKrWWRV2GKxjyaUUI7Tl2g+SZZJkan0DPB3Ifuuy/4hsw6"
    "mZI5qjgcTFtfG1EK8WAkB/JBMNC9+qwZ+cYNVOpdtC5OcaEfZPyHtx9CcZslslAuRlR6/v"
    "v6t4dLCFWEdbZcc0lP1XPwaNaB9sZ+Epzm3YOtfxsU7HKVShmzYK2tmy65Z5i/QVVRCCLr"
    "wtTgwRqX5FpNja7rmWSQRLrxTcPNH2PKkHvQY549xj2Ei7HZQ5UzlK8KhW96hquo7cYIlU"
    "l6btExH28hPshMRbjBFMhxIjSA6hq1VUnKfaYmHx7Pz88s+utuPdFxUH+URP9A2dJ9XQVn"
    "VEWky8RWU9FImG8Lwc6nGF52u0e+rSXIiPNZkI7ITkXqmB4GVHQXrYWDbjuoaxKapilC+s"
    "GZIRJuRXLXwuq3sutNyjwx6YdW37y0U9sAWk4wO9k2Sd+FTd+mtsnhLW2L6ssVUSH9ODfu"
    "vznaeFDh792UwVOZ09XLBBXwkZOdTnrI8fFLBrIZTAH+44QNSrRhVkole3sqTVUn04+LC5"
    "VSUr1+cxXW9dQcn++EwsKNlv34EGVc6dBpNibVQLW44KkF2/kco61TbcP2W9eAMDueq+iR"
    "MwKHZuHeFeFztHyUaCfVaahiTfYaU5T7C1GpT6LNtaQXGzHPrx+vggejo2rsuip7lCLarT"
    "a4WpovFwlBwXK4Gj5LYdioIi562l5D2hxb3jPKg+tupINEc2yhBrRcEuleyCaMfAeYjuqA"
    "Tr8XrIU8pRot6ONqmRRpRRO66pPiBRBl+dwMDMNamRPDxOSCMCpUHEDcFqEMUaImzZfmGb"
    "tojO9ygbIVixoovSC4S17HUQ+zOc7104XZUvs29brmcJ1vGwCfxIAmTlDiWOravOXUufMu"
    "dk2egboVYsQUuX/Tv5An6nbfqdYp4LAyRlR8fkyMAyXWuZokdhdEQOcUIwQtu0fXgXjiEI"
    "S99Q5SKpqYnGjwLcMt/Y6V83OYO0UNmeuMbOLy9+iYfz5e5cVHUY5yJ+PL14d3bxy2QrIt"
    "1+AVO0KNaqxMuQbC9qPZRaJUvziIqR59KfQapMiKXgysihTYMEaoSxqDeDXEvkqcbnROnq"
    "MDp+D12AvDyWJCCHhPH+xI+KYUMIFss/uGGGDSFY/BK5XiVY/DxdpHrH4LG1keobwFXz6u"
    "R9pJ45p26GsKnfTwS+0OjObpkLVEvHQE7dkD7q3RLf5iPCXs3ukxmSUXiGuCDu0VGVIO7R"
    "kTyIy+5xbgr6UdVAOBo+QnQ7Kbinv0iEjuOSnt4pyfa7ej6PBdda/85nbXLy/f8BxF5lzQ"
    "=="
)
