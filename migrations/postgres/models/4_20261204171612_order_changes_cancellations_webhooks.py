from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "cancellation_request" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "message" VARCHAR(1000),
    "requested_by" VARCHAR(300) NOT NULL,
    "requested_at" TIMESTAMPTZ NOT NULL,
    "answered_at" TIMESTAMPTZ,
    "answered_by" VARCHAR(300),
    "answer_message" VARCHAR(1000),
    "fulfillment_order_id" INT NOT NULL REFERENCES "fulfillment_order" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_cancellatio_fulfill_cb6cc5" ON "cancellation_request" ("fulfillment_order_id", "status");
COMMENT ON TABLE "cancellation_request" IS 'Cancelling units a fulfillment order''s assignee already accepted asks the assignee';
        CREATE TABLE IF NOT EXISTS "cancellation_request_line" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL,
    "fulfillment_order_line_id" INT NOT NULL REFERENCES "fulfillment_order_line" ("id") ON DELETE CASCADE,
    "request_id" INT NOT NULL REFERENCES "cancellation_request" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_cancellatio_request_d16683" UNIQUE ("request_id", "fulfillment_order_line_id")
);
COMMENT ON TABLE "cancellation_request_line" IS 'The units asked for on one fulfillment order line.';
        CREATE TABLE IF NOT EXISTS "order_edit_record" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_edit__order_i_04bf5d" UNIQUE ("order_id", "key")
);
COMMENT ON TABLE "order_edit_record" IS 'One `editOrder` per (order, key): the same key with the same edit changes nothing';
        CREATE TABLE IF NOT EXISTS "order_tag" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "tag" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_tag_tag_c85ea7" UNIQUE ("tag", "order_id")
);
COMMENT ON TABLE "order_tag" IS 'One tag of an order, for the `tags` filter (the order''s `tags` column is what is read).';
        CREATE TABLE IF NOT EXISTS "webhook_subscription" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "url" VARCHAR(2000) NOT NULL,
    "secret" VARCHAR(200) NOT NULL,
    "topics" JSONB NOT NULL,
    "api_key_id" INT NOT NULL REFERENCES "api_key" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "webhook_subscription" IS 'An API key''s webhook: events of the topics it names, scoped as the key is (an ADMIN';
        ALTER TABLE "order" ADD "metadata" JSONB;
        ALTER TABLE "order" ADD "note" VARCHAR(5000);
        ALTER TABLE "order" ADD "tags" JSONB;
        ALTER TABLE "webhook_delivery" ADD "subscription_id" INT;
        ALTER TABLE "webhook_delivery" ADD "order_id" INT;
        ALTER TABLE "webhook_delivery" ALTER COLUMN "vendor_id" DROP NOT NULL;
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_assigne_5c4262" ON "fulfillment_order" ("assigned_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_locatio_9b3e4b" ON "fulfillment_order" ("location_id", "accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_accept__9562f2" ON "fulfillment_order" ("accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_vendor__a7b8e4" ON "fulfillment_order" ("vendor_id", "accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_deliver_af2347" ON "order" ("delivery_method", "created_at");
        CREATE INDEX IF NOT EXISTS "idx_order_updated_7f3a25" ON "order" ("updated_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_channel_4e2a86" ON "order" ("channel", "updated_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_hold_release_418a7b" ON "order_hold" ("released_at", "order_id");
        CREATE INDEX IF NOT EXISTS "idx_order_line_sku_7c1c51" ON "order_line" ("sku", "order_id");
        ALTER TABLE "webhook_delivery" ADD CONSTRAINT "fk_webhook__order_3bd51675" FOREIGN KEY ("order_id") REFERENCES "order" ("id") ON DELETE CASCADE;
        ALTER TABLE "webhook_delivery" ADD CONSTRAINT "fk_webhook__webhook__4b547e3c" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription" ("id") ON DELETE CASCADE;
        CREATE INDEX IF NOT EXISTS "idx_webhook_del_order_i_82954b" ON "webhook_delivery" ("order_id", "status", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__a7b8e4";
        DROP INDEX IF EXISTS "idx_fulfillment_accept__9562f2";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_9b3e4b";
        DROP INDEX IF EXISTS "idx_fulfillment_assigne_5c4262";
        DROP INDEX IF EXISTS "idx_webhook_del_order_i_82954b";
        ALTER TABLE "webhook_delivery" DROP CONSTRAINT IF EXISTS "fk_webhook__webhook__4b547e3c";
        ALTER TABLE "webhook_delivery" DROP CONSTRAINT IF EXISTS "fk_webhook__order_3bd51675";
        DROP INDEX IF EXISTS "idx_order_line_sku_7c1c51";
        DROP INDEX IF EXISTS "idx_order_hold_release_418a7b";
        DROP INDEX IF EXISTS "idx_order_channel_4e2a86";
        DROP INDEX IF EXISTS "idx_order_updated_7f3a25";
        DROP INDEX IF EXISTS "idx_order_deliver_af2347";
        ALTER TABLE "order" DROP COLUMN "metadata";
        ALTER TABLE "order" DROP COLUMN "note";
        ALTER TABLE "order" DROP COLUMN "tags";
        ALTER TABLE "webhook_delivery" DROP COLUMN "subscription_id";
        ALTER TABLE "webhook_delivery" DROP COLUMN "order_id";
        ALTER TABLE "webhook_delivery" ALTER COLUMN "vendor_id" SET NOT NULL;
        DROP TABLE IF EXISTS "cancellation_request";
        DROP TABLE IF EXISTS "order_edit_record";
        DROP TABLE IF EXISTS "webhook_subscription";
        DROP TABLE IF EXISTS "cancellation_request_line";
        DROP TABLE IF EXISTS "order_tag";"""


MODELS_STATE = (
    "eJztXX1zo7bW/yoa/9PsM7k7iZPsbredzjiJu81tNs5Nsm2fu+kQDErMEwwuiGQ99/a7Px"
    "IvBoSEAYMD5Mx0ZhvQEfh3xNF5138Gc1vHpvt2tDB+xcvBR/SfgaXOMf0f7s4uGqiLRXyd"
    "XSDq1PSHqgtDeQwHTV3iqBqhl+9V08X0ko5dzTEWxLAtNnhkodHlGaLj36KJZS6Riq5/Gf"
    "1jePQOzVR3hux7ZBAXuVhzMEEG/T9iO1h/y2bXbY1Ob1gPm0x0a91aNzMc3Ziplo51ZHv+"
    "mDt77io/LrypaWiKof+k/OjQ+/b8p7sf0N3q8h26NyzdRWSGby3Hft5l/xc8deHYT9i/gx"
    "zsEv+1Pcv4y8MKsR8wve7Ql//6J71Mp8DfsBv9uXhU7g1s6ikuGDqbwL+ukOXCv3ZmkZ/9"
    "gQyRqaLZpje34sGLJZnZ1mq0YRF29QFb2FEJZtMTx2OMsTzTDFkY8Sp403hI8IoJGh3fq5"
    "7J2MuogxeIrw0U5WJyo1yPbxRlkGF9RJFgYnhJsy22bOiruv6vf2Cv8I/h/uH7ww8H7w4/"
    "0CH+a66uvP87eHQMTEDow3NxM/jbv68SNRjhYxyDSvnOkFBUkgX3lN4hxhyLEU5TckjrIe"
    "nb6H943COU84CPLsTIx9/RNqCnP1BnX1PI8hycb84+j69vRp8v2ePmrvuX6eM3uhmzO0P/"
    "6pK7uvPuDbtuUxERiI7VJOj3s5tfEPsT/XtyMfbhtV3y4PhPjMfd/HvA3kn1iK1Y9rOi6o"
    "nVGV2NUKMjY657C70i19OUwPW2cD3CKMH28O1jrq9kdpbpJzPVETM8RcTxm+JWhcMvK1Dn"
    "6jfFxNYDmdE/D4Y5/P1tdHXyy+hq52DI8ewivDP0b/2dAjnYShW2AZaBmSOrB+iX/pRSUL"
    "87LAD1u0Mp1OxWGmr/3xIYR+N7CO5wb68AunSUFF7/XhpfxzZL4RuN7yG+++8KwLvPy/YY"
    "XXYrDa5payp7JypZ3SzI/7yeXIhB5un4LdjQCPovMg03o+rWBfrgx3vP0tg7oKlnmMSw3L"
    "fseT8NGmJFDvQMp9TuG0G+83n0B8+Nk/PJMb+tsgmOOdZo1A6ysFlm6SdIKq3+cAds5+Kv"
    "X3I7+Ml+rKR/pilr0D9bhnx31c2slWGqLlE8txKfeVrgdJs5/YQt3XaEloXUQ5OiWe+oaT"
    "9D63DVMOfX/aPQUxPglQX4Z9vBxoP1K176OJ/Rd1ItTaSIhW7M31YTdQvfv6MVFF2NX9FR"
    "n1cOw/TCoj+f/mhMfACu6EK/OjuhQDOcp6r2+Kw6uiIB/BlPZ7b9qLjedPW+AlXtOJzm51"
    "+vsOmrZnLofw+mvE7M2EHVWMYIH1V7aCfQTOGcvTUfzvkrqqU++D+JPZs9KYTuhC1qMwD4"
    "ClMcXDIQ+OhFw3bzHPZagkBxEhRrvffhoyhSiHKGuEhF9555b5jmHFsE2Y6One/oVdelny"
    "fGSDWZa2mJVE3DC8pseucx8I5HQzJ+/fofcWvdG45LPvoXgzmpvFgyBz12niiFZxHDDH32"
    "PhgsFLCab8ehH5NKt+U39OF0xP9hjYQBifWe/a+DxMsr/sszQvp84rmDP8Hxv03Hf4h6CR"
    "snptiegU9F9r++UKk9Pm3KuGzazqcfpBtI+cJulBUFOFIKADzHrku3jDIIJ0j6Z63v7xXy"
    "BbJhcpT3BN7AYDugFtl0WW45p+l6uKgPCiF+kAP4QR7eVbwkadoexun6ZD6rlvuMnUqc5k"
    "jBTdIJPpeToBxZ/7asRuRngJpSQT3IUvYP8qa0hIyFV84pKCOv5B9s25bVsINQaFxv6Cv8"
    "OZ5zEk3ZMdSLug1lSy/lQTwZXZ+MTsfFHIimYeENHYYCd9Y5nbVHbNi209CHr5jjMEK6nP"
    "NQMSOytR7Em5UPTnUfsY7ubQfZFv0PZ918iE2bzfytNoXAV/d1kHB+Zr8F/0f9Cam6L+ix"
    "+8tTLWIQgeoohTZJAlvoCuM8dYUt9E11lsQcgLoA9UhSloI5TQS4rlcIkwJ9MzVQElXrGN"
    "xFNcH0ShPrf+uFSAPad89Uv/UaeEKQllXDm1QrM1aRQJ8UWU5yRVJou61XICdWHNn9zkXu"
    "THUwK/Zi6p8/zUeEv9EZzGVw6R5F6aNItXQUZEr49WCYZHXL2mcvEiKOpkhGhnfR10T6S/"
    "JqHJMMQtTMRebfCN878ovSNRRcXo1KXEw+UjggfnbmNqjAUK3WCiHb0bolqFZ7jVwvUq3W"
    "kQSVyeX4YtAUd5vOTbE9Qp+vVMhRyVD2MKw/LBYjGebFSIaCGAmnm5QK96ZJeyjRuivBBP"
    "HeiFuij4sxeg2ThV9Wisn9YjBjGv+tJBXuUl9KkhDSIlr9mYTZxVXkYZoU+NxmPi9UrVrR"
    "X4oQeNxmHrszY7GoxOQ0JXC5zVyOCj8qpaamSIHP7edzFfuQJ+xfBl39rWNC0CpkLGYp+4"
    "d3UxmLYQ5PNa8yRwvSrM3SLNE6pURshqOCSvVsPkeFRF9I7l2DKbRUaD5Bpq4s6b6nRq9P"
    "hxaJ2RqAPU9M1a2VWxRabneRtKvICoYawIU+IMXS+EVJ3vWn9fdIfKSlweZFED1Pg8v4z9"
    "gP3RCy63CaPsG0zYw+WZWIbCmWyOwrXh8ihwy6qLcrLw1KM+o3gKJ4QAVsRaTbw3ivIwDH"
    "zqsKEIuJAeT1BUZQD92sG6p8ARcUbUG1+cvXuhR1r9RaYdRHe4qHeuNSIokrAMr7X9pqO9"
    "PxfGETbGnLK6xRPg8EJlt20G6evWbEwxUnHl+oFOtuYaoa9r+pO7TADtoJ+8LvsqO53gRN"
    "N136euxP5GDiOZYbX/QXqrgMq7aZhZX/ie717OwyKPOHGqdWCpmOVrtAjdNr5LogJSHj7X"
    "2Bk0Zax92GjxoJD+MsCm84vIfQNnNEVNgqoexxZzxdD/GufylDmg1khLTKpm5fZ44z6wlb"
    "xHaW51h/wM7YIo7wKGfhuN1cuzCioF84I2lXBO/YeHgthtf3w+HBwfvh3sG7D0eH798ffd"
    "hbyYDsrTxhcHz2icmDlPhdb55RDNkx2WzJE7WMJObpIFaSbQsWnEFSGtssIYCbBRfOoWi0"
    "eoPuA6K0vJw20xFB/2o1GrI17rGDQ7Wr+CJOEAHQhYC2bFLuXOVwfP/gPSoE71EOvEeCgi"
    "Nw8PbM1VfEwWviJ2yWrDxKkIDxvt549/GqwXhPGIfhhB3DuXDxQWKBlU6Q35IZzziQb8CH"
    "PCpmukeD18Zzr4mtPUbdLheOrXsaQSrx/4yKNrKx2kJUt9atdRfag3d+q8y7yIK5oyPNJa"
    "Kv6SDm6X/AKHIRoGeDzOhoSivyXtwhTXWcJTsqchX29c0hdxe5NsKqNkP+z0f4L4/+ZDbq"
    "1nK9OXtb1j8+cGvIg8TJsp7wl0GkGCLF7ZSAPVYkIFLcN64XiRSH20V5hyN4w/JcjRWcjA"
    "CosFpDvcdkqbhM/ykBKk8GwPLAvlzTitZJ95qRDZXYcsCmiQDXAlb5i7QDaBvIzfUDiGyx"
    "zeG9jGfqKbrpr3eDngBxDkD15H9ZDkJPsG80838lCQSuoaSUkDuFUod+tCaPA3wi4BMB6x"
    "h8Iq+e60V8InQkncxV/L8zfM9JvODo+he3biQtIIKN1T3uV8F7RQiAlwZ8WBXwIQBeGnBN"
    "2AtjPd6auA1GD+DeL9p7N6/1rgxuBz8I/QPrAY8pAfJSkLOdWDUponqlnZMj7x/4w2LSJU"
    "e4SGWL7UWGfmnxEpP2EPEigMvxli50ClO1JR4R9g/qwyKL+1C+uA8zi5u5uognkiU/m7Yq"
    "i1EkiDiQ7xlV92DOgfV08uX4fIwur8YnZ9dnk4u0MeXfZJfoBSPyR47OM6Eg66ECzEkqwL"
    "kAzmV3xY22wZa55xouYS1rqm9korfOFdO8BfNoiHJEcsrdDWGGSB/wrf+4VFUjxpNg+R7b"
    "tolVS1rlExJxGE8pVVMgRyJju7L3eDI5T7kOj8+48sqLL5+PxxT1N2kZLG7+6QaN0UQttv"
    "IA50kB9uKwLwzt0Vso2GIoiMqM84DPEm8R+tWV7mLvGLZTrglrkmR7qSj7e13JndJVw1wq"
    "mrpQxR49KbBZQjhNRZLoUyRbItPssuYDAbrHCmnSRHL5cnUrG4LW26om0Q5Wxyrr89JysI"
    "YN1jEhbBW5GVJX/iQ9gqrJ1KVgWQnyllbrTZ60tGpPtL5+bYQ0zyX2HDtB988f/LKwu8i9"
    "+T93KNjuXKQ6OCgZY13zWf1YOCZb3VbTnOtzplItSROJOXTYV2qcqsRzRXfSyRyGHlxNTC"
    "UeQGGm3wIVs3P6PrbOzwwJXJDA1Qpx1dFUHkjgeo1chwSu1jmHIYELErheB+CQwAUJXP2G"
    "HBK4IIGrZYhDAhckcEFiESRwvTzOljefiqpzc/KMVhS1SIsW5XDV3+gWDi1pPE0OfyPYsV"
    "Rxv0g5zBxZ/za+RozGOJ5QFOeYYnureXA5vjg9u/g02A7QRZb0UL6kh5klHUWOFDxXjXLC"
    "I0PZQxlyUMhgOcixWA6yJssKubIO1gwhiJJComSmukoU8lRCQySLe24WnWwKyKUrkUsniO"
    "gWXfoC0h6Km/qTozXPYX32S/lFkjQ9BPmgiESXy/OMnuJNiU1Uwd55ijVjrpoSZSVBxodH"
    "A7q3IX0HAc8zJKkB+Xl0vrN/uDvkBEbSRcKtYv9AZqX8YSkZwv7tmA3IjOD462rZHhxtDZ"
    "H/lqHf3UB/Nr8j3FUrcZqnBU63mdNweEzi8JiCp8fkHh+T2aOI+iAwKv55PbkQIxyN578b"
    "QyPov8g03H45kBkQqY8lQnPn8+gPHuiT88kx/xWwCY45zKkxoLKUxTK4J2kA++rYhyn91R"
    "ohi4mhmmdt214OOEHEqsHuvS2DWlYnsMu3lxUutg3azLagcKqlFt+ayikdzxdUsbC0JTXJ"
    "NArdpsVT8YRX/nx9RQ7rBqkHMn+Bjel0PQeMVdXVAhWbqK8ozWyzlvX0i232diWxZN86MD"
    "o3rC7WORTCiNoyimM/1wHTjfrQV5S2W9TZSYie8XRm249K6FwyNv3yfg/mOw2jR/3RcZuv"
    "hU3oCLKq2LQasaY+VknoMP7wtbWyEwujO0blP+wOLbCDdvy5dtEjXr75GB+pSP8MDmJcXW"
    "F04VmNLrJsMmMoc5DX/4Rbiijl0g/RqZC2f0QkG7mLzk7Hny8nN+OLk/9VTiYXP59Te0N+"
    "ruOqppg+GA50hNrXdgr1jlZBQu3ra+S6IFCSUUCYtM2wO6dRH+5rlkQjiVgOpr/UJcpMdW"
    "dlYObpeoh3/dnKgdZVSiNIksAheuu98SslbUMffN+8vrucBz65rlJ+95PR9cnodPxSB9on"
    "PHxSGyfy/601b1YD1xo2N9SE8Im+cxFTAZiLaRfZJh1G0L3huOQtuvAPmw9ViV1k+X8GwO"
    "nZFkC1zFiyAdCqkU/VpjzHxsNrsU2+Hw4PDt4P9w7efTg6fP/+6MPeShJlb+WJpOOzT0wq"
    "pTaBAhZMR2qDBoOO7rU+NiXQjcaDIlMA3Dl2XSq/y+CbIOkhxMNiKUzDvBSmoSCFiW5adq"
    "n6zBVB/9LEGrF/yuYqQZ7S5nlK6tT2BC4cOegrAkB9A9Rdl1pAWBS/ucHfJEpfiqgPIiXP"
    "MTb+4yYf9ZVf7Hxy8SkazrNCjLpSYcsU0faBB9vZOiFGIGdAN73FRWIE4GIDFxu42Na72P"
    "z8MJmHLUoeW+dgm0Xj1vnX5NgW8XA5FDnVXQnkYP1Bt+mtRtzLF3puWOHZtq++6WZBUA6W"
    "aAdZsB9kbkNI8KVs25cCGrcc/f5q3NzuXIbtHCnUK7cnDSeHz9NS+TgcGYjSQqIUzFgwY8"
    "GMXW/G+iU8MjM2qu9ZZ8aa0bhmzVj30QPz9YXMV7oZGuLqbHlBfIIE5Kno6OFgPRdVBMLh"
    "PXQG1J9f8ZenWqTcSaxJEliuguVKfxdRFo6hCdwsuX3h0oTQGQ4nl3W2M5xq+m0dqMZfYR"
    "WLibe3nrtyYDNToXxFohrMMnIAOrPJsQ6z1UAWkQLAkg601SAWEwPIPMhxD8gKIIuJAWQe"
    "5KCZQDWMhbQAMQ8xuMXqx3Th2LqnkZLd4lJEgCu4G7fnbhQs3hpwvYxn6imy6W+2pmZ7Nf"
    "Ri4nvt9bktU7DP14Fa0HWoz1gx+6muNXYdztU3vBoPsLDmX7L4StgYbF14hYTDCnUXooOR"
    "fY9UC4VNf+5tx2/wc8e6M98hKikIawlEEuW14a1AO0GGi55nKmH/sqSLN9nS3AafI2wcFA"
    "KQCPxA46AXigOFrCgaswiHQ8wCmluADfHy8HY+ZcEjU/ubvLtF4nb+vuoPLNPfYmQhfzR6"
    "dgxCMN29rLhtHqW1XEpOxyLV9a8HTfSQQejetrAd4mZ30c2nvLVuLdYmw6Hq2xItvKlpuD"
    "Ps0g12PmdT6oh1MEXEZvSGg6aOreqa6rKN+Y6+CFbnd+yphn5r+Syn27mO6OKfL+hmHc3H"
    "sgvvfvBfwdDZbk38Ry7YMzXPcem+v3PnGvSDuZPu4dlcDv/pbHTUcyP5uOg69N5oZe+NmH"
    "mFcxdWFKAKQO+NlwV3oS5NKgez+Mrr5xMkG1XQtw3qbZfQQ4GDfNX3t8CB39nL8J2nhRKH"
    "Npc4MCUaM/OC4G8CVudsYDzh1socBj/ee1agZ4dWhG8luG+D4zbeBifHEkVTPRf/NOjQnp"
    "exg1/GZoviQgJ7LREykttqiQhVo/nl4Efcph8RNIHXqAlAA/K+cV2gFmTjkC9Y5/CyQrRh"
    "S9b/twSy0fgeugkaKSL1axYUdW57lkhg5dU88KQbVz10x2qpVPQQ4BUo21qp+ugsZf9KpA"
    "+KNEuR90ppxbnOleRHwjqbeoZJDMt9y57XmCG2DY9YCcMsYYVYzB61nSVdFU+hjVQ9necs"
    "mu2cTdZB6V8oASquTobTDreb+hQe6Sew+ePD/uQmvxOPAYt/azsOWPxg+4HFD1yvw+InKv"
    "EEe25egkBEscWjOa7G//pCf+r4dDtu/f13BdT4fZ5tiZ5877KHj2nYeKrYOixFCnG19nxO"
    "WSnqYGoG6dU8ERlacEUkv7esKyIArOJHlSKFj6rNHxVd+Mw0VMp35s1S9s/l1FQTWchyb6"
    "JwPtzL/d4v9GXK4Ssjr4R12xY1FBR0o6Agdz3XgPB5YqpuLeGiGMs+4w0KlaHM9sV8p7LG"
    "nGk81/lQt9OaExyp23SkQm/DJjSoLZ/O0bI9Jq37HxVS/Y9yNP8jwUGRhitvIptja6XJ+g"
    "d2/V7BOOxZxc5K0IGokHYpU8qaWD4RwFrUsAoBq0HxjwPOHUO4uN6fXJDrrat0z/Y6DNee"
    "afc8wBm52KaS+CvbI/RHXnmm2FxI3M63F4KBihONBIOhS6I0z2CAzAs59N2MwUPmxWvkep"
    "HMCygJaLwkwHbKOV+SJNtT/ff3utKTmHW5eRIs2mPbNrFqiUGNiThIp5SqKUwjpWC7gfXj"
    "yeQ8JX2Oz7iOLRdfPh+Pr3b2uRQH4YkzpRL/o/GQ+J9iQB2tMKAGozWsYI21LGFJhZwdSR"
    "pgSe0soa9Jf1QQxdRY4ppjiAKRcv5IJwBmNcosBz/QfyqzKkEOjKqdUey+alLodawsHHxv"
    "fCv3UcnogVW1sypo/VjGkospemjL1R8kSyTJlPoGeDpY+7Wv/Sds6XbJHNEUDSQuro2vBX"
    "jVEAD6bTVRt/AtGvxJLazSqXRbiPxcY8L+CXgvjv6shuwWiQC5ydHrGyMjlw42MWs1jHYM"
    "He2/+eh3CH607KnLjgjw2wUHcyMqzw0L+22G2WXTuMfaksoHQXfk+uaFeFS74lFsZ3cXpk"
    "EEG68U3DTR9vyoB60GOeHaY9hIex3kuVI5SvCnFvenqpqGF/4GqcwNyyMi7KUrWky8xQjB"
    "sCsRgtVpu6VKitNUWywrHp2fT35vShlvvqTYzyZ6pr/QflZ0dVlmSYuJtyisu7KiITgvh7"
    "pfwfkSzZ6aNBai89sGAithdS/XPHCToyA5rC/KuKY6jiGqYZRvrAmSHqbjFy17zqt6zjTc"
    "o8MemW1tefNpObAFpP0DvZFUHSawFpX22DQl7LFt2WOLpD3Sfct4wk4lvvO00L+jPcpUlt"
    "PJU5QrdJWQkUN1zvroQQa7GgIJ/CnWHUS9aExBtvTK1pXUWqgPJzxXt6pkxfo8puutKyjY"
    "75+JBQX79TvQoMa50WBSJI1KYctRAbLrFamkU21D/SnpxesYyEX1Jm6BQalz7Qi3utQ5TD"
    "US6FlxEpJcw4oznkC16pT4zFOtoLRZDn1/fXwQPe0b12XR01SZFpXppcJU4Xg4SI6LlcBB"
    "ctsORUGJ89ZS8p7xdGbbj4rnmGVWNEfWyxBrwYWdu7IzSzsCzsVUoyp15neWspeo1yNNSq"
    "QRJcTOwlAesSiDr0xgYLQwqJHcPU5IIwK5QcQNwaoQxeoibMluYZs2iE53KOshWJGgC9ML"
    "hJXsZRD7PZjvNJiuT19mk94jHjWBG0kArNyfxHF1WcizNJhYGGF29ia6tx1k078S5e8fkY"
    "oCN9V3Lgrn/+KYiI5Uo7+R603jGTm4a57+1trB3+jPMZf+VGHNFXm2keEiF5M3b9Hpak2z"
    "2/4oJvYQsfmnI9XBlMgit5ZhIUMPBu4irGozpN4TRkRnZ1RTTN8eI4PQt9E0jHXMRlNIDZ"
    "P+H/tlD7atF6zt+po4W8zC3wi1/QmeL9i/Azr0a3yGQzzO0Ad/giNvm4686CsSRpzyTuJJ"
    "kYGpv9bU96VDGYhXBD009uuHd2rrgjj/DZU7kiKlcHwvwM1zNo7/uElZ+JlGAStf4/nk4l"
    "M0nO8ewIWpu3HM5OX44vTs4tNgK0u6/oqwcL8sVdqYINleGkBXir9M1SWKg90FfQxWZItY"
    "Cq6MHLpeSKDGjiNqdSGXEmmq/nmlmjrbj1evM5DnB+cE5JCB356AXDYOC9F3+QfXzTgsRN"
    "9fI9eLRN9f4tzWlonu2rNsE662kpm2WUoAOAswNJKDRnKtSa2VN5ITpi7zbv4N0Q1DG9fc"
    "rP2EWiAeC+aK14B0z8K+PLb11CtGVp5pP9QaCx0F83ZQdWxDTDRCb31oNIFz8QhpZNsXj5"
    "ReTq5vWFxRRdEcfovHmf3MgoNUoGI9aAq5CmuqlvvMooq2g55nS3bPwehZdZFlW4Iuk009"
    "pEhYMhk4Lh1wPDYeXkvM8fvh8ODg/XDv4N2Ho8P3748+7K1UmOytPF3m+OwTU2d2kxbU+s"
    "hkuGgrGbw8bQ9N3u6auFnPRnWfPLjjCxlkpT3x4IQv7YTXPSdoUD8vs4A5KqjdFaze3BwV"
    "ObK5KSqvF9kcn0JSM6rH7i2RK9k2rIsaZtw6a1Phrsj5ILcxeB/FegOD95UU6FpvodHlGX"
    "rEyzgV8mOQObnqLU/shaG5zAZg7+nuIlezF1hHVM/3+9DjJUuD3FHpVKefzy4ytkUDz7i1"
    "/Nn8WaiZ4tviP1DD5XJ0dXMxvkLhXYM+IDyg7DuX3f9tfHE6Sd22ny30bDuPb6BDfguzIS"
    "GwKoe+myE2CKy+Rq4XCayWLFTcpECxdVzdSoVi+crEDSsSWw9z/QXOgR6TxTjnPNsVxfZP"
    "UHsZd1gz5wQGJZ7lTNI0EVik6y3SELEaDNLC1bRtQ7ioHZpeXNVDhFAt+ZKRwRFFXpsNBF"
    "Z6eGc3zzBX4zHQa6tLInA3xyilX49b8kzaBEkfNamjoyKa1NGRXJNi9/gNfVEG4XB4D9Ft"
    "5CAO+kQirH+UK6oJEtBUS2qqJbqW1L+Z/f3//4oQXA=="
)
