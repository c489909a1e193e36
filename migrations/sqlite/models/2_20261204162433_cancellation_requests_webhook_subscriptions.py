from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "cancellation_request" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "message" VARCHAR(1000),
    "requested_by" VARCHAR(300) NOT NULL,
    "requested_at" TIMESTAMP NOT NULL,
    "answered_at" TIMESTAMP,
    "answered_by" VARCHAR(300),
    "answer_message" VARCHAR(1000),
    "fulfillment_order_id" INT NOT NULL REFERENCES "fulfillment_order" ("id") ON DELETE CASCADE
) /* Cancelling units a fulfillment order's assignee already accepted asks the assignee */;
CREATE INDEX IF NOT EXISTS "idx_cancellatio_fulfill_cb6cc5" ON "cancellation_request" ("fulfillment_order_id", "status");
        CREATE TABLE IF NOT EXISTS "cancellation_request_line" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "quantity" INT NOT NULL,
    "fulfillment_order_line_id" INT NOT NULL REFERENCES "fulfillment_order_line" ("id") ON DELETE CASCADE,
    "request_id" INT NOT NULL REFERENCES "cancellation_request" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_cancellatio_request_d16683" UNIQUE ("request_id", "fulfillment_order_line_id")
) /* The units asked for on one fulfillment order line. */;
        CREATE TABLE IF NOT EXISTS "webhook_subscription" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "secret" VARCHAR(200) NOT NULL,
    "topics" JSON NOT NULL,
    "api_key_id" INT NOT NULL REFERENCES "api_key" ("id") ON DELETE CASCADE
) /* An API key's webhook: events of the topics it names, scoped as the key is (an ADMIN */;

        -- SQLite cannot make vendor_id nullable in place: the table is rebuilt. Dropping it
        -- deletes its attempts (ON DELETE CASCADE), so they are kept aside and put back.
        CREATE TABLE "webhook_delivery_attempt_kept" AS SELECT * FROM "webhook_delivery_attempt";
        CREATE TABLE "webhook_delivery_new" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "delivery_id" VARCHAR(64) NOT NULL UNIQUE,
    "event" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "last_response_status" INT,
    "last_error" VARCHAR(1000),
    "next_attempt_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "vendor_id" INT REFERENCES "vendor" ("id") ON DELETE CASCADE,
    "subscription_id" INT REFERENCES "webhook_subscription" ("id") ON DELETE CASCADE,
    "order_id" INT REFERENCES "order" ("id") ON DELETE CASCADE
) /* One event for one destination: a vendor's webhookUrl or a webhook subscription */;
        INSERT INTO "webhook_delivery_new" ("id", "delivery_id", "event", "body", "status", "attempts", "last_response_status", "last_error", "next_attempt_at", "created_at", "updated_at", "vendor_id") SELECT "id", "delivery_id", "event", "body", "status", "attempts", "last_response_status", "last_error", "next_attempt_at", "created_at", "updated_at", "vendor_id" FROM "webhook_delivery";
        DROP TABLE "webhook_delivery";
        ALTER TABLE "webhook_delivery_new" RENAME TO "webhook_delivery";
        INSERT INTO "webhook_delivery_attempt" SELECT * FROM "webhook_delivery_attempt_kept";
        DROP TABLE "webhook_delivery_attempt_kept";
        CREATE INDEX IF NOT EXISTS "idx_webhook_del_status_5b6f00" ON "webhook_delivery" ("status", "next_attempt_at");
        CREATE INDEX "idx_webhook_del_order_i_82954b" ON "webhook_delivery" ("order_id", "status", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_webhook_del_order_i_82954b";
        DELETE FROM "webhook_delivery" WHERE "vendor_id" IS NULL;
        ALTER TABLE "webhook_delivery" DROP COLUMN "order_id";
        ALTER TABLE "webhook_delivery" DROP COLUMN "subscription_id";
        DROP TABLE IF EXISTS "cancellation_request_line";
        DROP TABLE IF EXISTS "cancellation_request";
        DROP TABLE IF EXISTS "webhook_subscription";"""


MODELS_STATE = (
    "eJztXXtv4zYS/yqE/2n2kFskTrK7ty0KOI+2uWbjXJJti9sUiizRsS6y5JWoZI27fvcj9b"
    "BelCzKkiMxAxToRuJQ8m+o4bz538Hc1rHpvh0tjF/xcvAR/XdgqXNM/5G5s4sG6mIRX2cX"
    "iDox/aHqwlAew0ETlziqRujlqWq6mF7Ssas5xoIYtsUGjyw0ujpHdPxbNLbMJVLRzS+jvw"
    "+P3qGZ6s6QPUUGcZGLNQcTZNB/EdvB+ls2u25rdHrDethkojvrzrqd4ejGTLV0rCPb88fc"
    "23NX+WHhTUxDUwz9R+UHh9635z/ef4/uV5fv0dSwdBeRGb6zHPt5l/0reOrCsZ+wfwc52C"
    "X+a3uW8dXDCrEfML3u0Jf/8ie9TKfA37Ab/bl4VKYGNvUUFwydTeBfV8hy4V87t8hP/kCG"
    "yETRbNObW/HgxZLMbGs12rAIu/qALeyoBLPpieMxxlieaYYsjHgVvGk8JHjFBI2Op6pnMv"
    "Yy6uAF4msDRbkc3yo3Z7eKMsixPqJIMDG8pNkWWzb0VV3/1z+wV/j7cP/w/eGHg3eHH+gQ"
    "/zVXV97/FTw6BiYg9OG5vB385d9XiRqM8DGOQaV8Z0goKsmDe0rvEGOO+QinKTNI6yHp2+"
    "gfWdwjlMuAjy7EyMff0Tagpz9QZ19TyPISnG/PP53d3I4+XbHHzV33q+njN7o9Y3eG/tVl"
    "5urOuzfsuk1FRCA6VpOg389vf0HsT/Tv8eWZD6/tkgfHf2I87vbfA/ZOqkdsxbKfFVVPrM"
    "7oaoQaHRlz3VvoNbmepgSud4XrEUYJtodvH3N9JbPzTD+ZqQ6f4SmiDL8pbnU4/LICda5+"
    "U0xsPZAZ/fNgWMLf30bXJ7+MrncOhhmeXYZ3hv6tv1IgB1upwjZAEZgzZM0A/dKfUgrqd4"
    "cVoH53WAg1u5WG2v+/AMbReAnBHe7tVUCXjiqE17+XxtexTSF8o/ES4rv/rgK8+1nZHqPL"
    "bqXBNW1NZe9EJaubB/mfN+NLPshZuuwWbGgE/Q+ZhptTdZsCffDD1LM09g5o4hkmMSz3LX"
    "vej4OWWFECPcMptftGkO98Gv2R5cbJxfg4u62yCY4zrNGoHWRhU2TpJ0hqrf5wB+zm4m9e"
    "cjv4yX6spX+mKRvQPzuGfH/VzbyVYaouUTy3Fp+ztMDpLnP6CVu67XAti0IPTYpmvaOm+w"
    "xtwlXDnF/TR66nJsArD/BPtoONB+tXvPRxPqfvpFoaTxEL3Zi/rSbqF75/RSsouhq/oqM+"
    "rxyG6YVFfz790Zj4AFzThX59fkKBZjhPVO3xWXV0pQDwZzyZ2faj4nqT1ftyVLXjcJqffr"
    "3Gpq+aFUP/ezDlTWLGHqrGRYzwUbWHdgLNFM75W/PhPHtFtdQH/yexZ7MnhdCdsEVtBgBf"
    "Y4qDSwYcHz1v2G6Zw15LEChOgmKt9z58FEUKUc4QF6lo6plTwzTn2CLIdnTsfEevui79PD"
    "FGqslcS0ukahpeUGbTO4+BdzwakvPrN/+IO2tqOC756F8M5qTyYskc9Nh5ohSeRQwz9Nn7"
    "YLBQwGq+HYd+TCrdlt/Qh9MR/8EaCQMS6z37XwaJl1f8l2eE9PnEcwd/guN/m47/EHUBGy"
    "em2J6BT0X2vz5TqX122pZx2badTz9IN5Dyld0oKwpwpFQAeI5dl24ZIggnSOSz1vf3KvkC"
    "2bBilPc43sBgO6AW2WQptpzTdBIu6oNKiB+UAH5QhncdL0maVsI4nUzms2q5z9ipxekMKb"
    "hJesFnMQmaIZNvy2pFfgaoKTXUgzylfJC3pSXkLDwxp2AReS3/YNe2rJYdhFzjekNf4U/x"
    "nONoyp6hXtVtWLT0Uh7Ek9HNyej0rJoD0TQsvKHDkOPOuqCzSsSGbTsNffiqOQ4jpMWch4"
    "oZka31IN6ufHCq+4h1NLUdZFv0P5x38yE2bT7zt94UHF/dl0HC+Zn/Fvwf9Sek6r6gx+6r"
    "p1rEIBzVsRDaJAlsoSuMy9QVttA31VkScwDqHNQjSSkEc5oIcF2vECYF+mZqYEFUrWdwV9"
    "UE0yuNr/+tFyItaN+SqX7rNfCEIBVVw9tUK3NWEUef5FlOxYok13Zbr0COrTiy+52L3Jnq"
    "YFbsxdQ/f5qPCH+jM5jL4NIURemjSLV0FGRK+PVgmOR1y8ZnrxIijqZIRoZ30ZdE+kvyah"
    "yTDELUzEUGgWSoIOuG4OtpLRFUkL1GrlepIOtJ0sj46uxy0BZ3284XsT1Cn6/UyBvJUUoY"
    "ah9Wi1sMy+IWQ07cItRzaoVg06QSSrT+SjBODDbiFu/jYoxew2Tul5VislwMZkzLfisrVV"
    "v0S0kSQqpCpz+TMOO3jjxMkwKfu8znharVK8RLEQKPu8xjd2YsFrWYnKYELneZy1ExRq10"
    "0RQp8Ln7fK5jH2YJ5ctqa76dSwhajSzCPKV8eLeVRRjm1dTzKmdoQZp1WZol2pkIxGYyVF"
    "A9ns+xqJF8Cwm3azCFNgftJ600lbkse7ry+hRlnphtANiLxFT9WrlVoc3sLgUtJPKCoQFw"
    "oTdHtdR6XuJ186n2EomPtDTYvDBB8tS0nP+M/dANIbsJp5EJpm1m2RVVbhQtRYFsu+o1G8"
    "WQQWfzbuWlQblE8wZQFA+ogS2PdHsY7/UE4Nh5VQNiPjGAvL7oB2qU23VDiRdVQSEVVIC/"
    "fP1JVfdKo1U/MtpTWag3Lu8pcAVAyf1LW23nOp4vbIItbXmNNcrnAcdkyw/aLbPXjHi44s"
    "TjK5VH3S9MVcP+N3WPFthBO2Gv9l12XNaboBGmS1+P/YkcTDzHcuOL/kLll0Y1NjO3Gj/R"
    "UZ6dJwal91Dj1Ekh09NqF6hxeo1c56Qk5Ly9L3D6R+e42/LxH+EBmVXhDYdLCG07xzaF7Q"
    "tEjyDL0kmId/NLGdJsICOkUzZ197plnFtP2CK2s7zA+gN2zizicI9X5o7bLbULIwr6hTOS"
    "bkXwjo2H12J4/WM4PDh4P9w7ePfh6PD9+6MPeysZkL9VJgyOz39m8iAlftebZxRDdnQ1W/"
    "JEFZHEWTqIleRbdQXngghjmycEcPPgwtkQrVZv0H2Al5ZX0vo5IpCvVqMlW2OKHRyqXdUX"
    "cYIIgK4EtGUTsbOOw/HywXtUCd6jEniPOAVH4OCVzNVXxcFr4idsClYeJUjAeF9vvPt4NW"
    "C8J4zDcMKe4Vy5+CCxwIQT5LdkxjMOlBvwIY+qme7R4LXx3Btia49RB8qFY+ueRpBK/D+j"
    "oo18rLYS1Z11Z92H9uC9377yPrJg7ulIc4noazqIefofMIpcBOjZIDM6mtLyvBf3SFMdZ8"
    "mOb1yFfX1zyN1Fro2wqs2Q//MR/urRn8xG3VmuN2dvy3q6B26N4iBxsqwn/GUQKYZIcTcl"
    "oMSKBESKZeN6lUhxuF2IOxzBG1bmaqzhZARAudUa6hSTpeIy/UcA1CwZAJsF9uWaVnROuj"
    "eMbKjEigGbJgJcK1jlL9IOoGsgt9cPILLFNof3Kp5JUnTTX+8GPQHiHID6yf9FOQiSYN9q"
    "5v9KEnBcQ0kpUewUSoql7uRxgE8EfCJgHYNP5NVzvYpPhI6kk7mK/3eO7yWJFxk6+eLWra"
    "QFRLCxusf9OnivCAFwYcCHdQEfAuDCgGvcXhjr8db4bTAkgHu/au/dsta7RXA7+IHrH1gP"
    "eEwJkAtBznZi1aSI6rV2zgy5fOAPq0mXEuFSKFtsLzL0hcVLTCoh4lUAL8a7cKFTmOot8Y"
    "hQPqgPqyzuw+LFfZhb3MzVRTyeLPnJtNWiGEWCKAPylFH1D+YSWE/Hn48vztDV9dnJ+c35"
    "+DJtTPk32SV6wYj8kaOLXCjIeqgBc5IKcK6As+iuuNE22DH3XMslrKKm+kYmeudcMe1bMI"
    "8GL0ekpNzd4GaIyIBv88elqhoxnjjL99i2TaxahVU+IVEG4wmlagvkSGRsV/Yej8cXKdfh"
    "8XmmvPLy86fjM4r6m7QM5jf/dIPGaLwWW2WAZ0kB9uqwLwzt0Vso2GIo8MqMy4DPE28R+t"
    "WV/mLvGLYj1oQ1SbK9VJT9vb7kTumqYS4VTV2ofI9eIbB5QjhNpSDRp0q2RK7ZZcMHAvSP"
    "FYVJE8nlm6lb2RA0aauaeDtYE6tM5qXlYA0brGNC2CpyM6Su/UkkgqrN1KVgWXHyllbrrT"
    "hpadWeaH392ghpnkvsOXaC7p/f+2Vh95F782/3KNjuXKQ6OCgZY13zWf1YOCZf3dbQnOtz"
    "plItSROJOXTYF2qcqsRzs3cgzQrSrDohVHqacANpVq+R65Bm1TkXLqRZQZrV6wAc0qwgzU"
    "puyCHNCtKsOoY4pFlBmhWk/0Ca1cvjbHnzCa+GtiQbaEXRiLToUKZV8+1o4WiR1pPZ8DeC"
    "HUvld3UshjlDJt/G14rRGHv9q+IcU2xvNQ+uzi5Pzy9/HmwH6CpLeli8pIe5JR3FdxQ8Vw"
    "0x4ZGjlFCGHFQyWA5KLJaDvMmyQk7UwZojBFFSSZTMVFeJApNKaIjkcS/NdSuaAjLeBDLe"
    "dGwaT9hZKnNMURPaQzmkEoqb5lOYNc9h3fCF/CJJGglBPqgi0YvleU5P8SbEJipn7zzFmj"
    "FXzQJlJUGWDY8GdG9D+h4CXmZIUgPy0+hiZ/9wd5gRGEkXSWYV+8cmK+JHmuQI5dsxW5AZ"
    "wSHV9bI9MrQNRP47hn5/A/35/I5wV63F6SwtcLrLnA7TZOs1F+UTQ4b82laYGeA4/uUWO2"
    "J2DOrKLRu5i22D1o0dKEboqH62phpBx/OFTZglQBUojUK3aUFCPOG1P5+syGFWeNFEMcIZ"
    "m0hWlGa2uemK8kH6xTalXUks06wJjC4Mq49JthVLW7ZZ0dJLiJ7xZGbbj0qosxubrqnfg/"
    "lOQ6ecPMpI+4VAgUgvqgZaCfw1JUEKXg1cWxh0O8NB9c53LmKGGJMpu4gKTewSNDUcl7xF"
    "l/4BVGHS/i6y/D8DhUvPlwU1MiMciN3TA7F9AHP4F/vgovESupKbTzGYY9el0kME3wSJhB"
    "AP96pGBEtDgvm8UTi9ud2gK5MfeXz/eTO+LGrBwD3JXTc0gv6HTMPtoXupBFUGRMp5GIG5"
    "82n0Rxbnk4vxcdYryCY4hpOGK6/4ftbrVanSDDRCIY9ukgTONFrvyF3V4W/ovpXNYbibcd"
    "4m11XKZXsyujkZnZ691PnCsaOoyPKKvEjrDK9ZNA6OkOnTt71bYtCIpxVsmE/Qta+77dR0"
    "yyZiTUDD8fJp2vvVrJn9MmtmH6yZ7VszoFkXoy+vZu1Q/UV1a7E9QwrZMV3OjlkxayKUKJ"
    "shA1FaSZSCuQrmKpir681VP2ZfZK5GAf115qoZjQNztU/f9m6JuUo3P4OfTVicwJkgAfnJ"
    "az//6Ils/OFwCY3/5iOaXz3VImLduJMksFw5y5X+LqIsHEPjuFVKq47ShFB3hJPLOl93pJ"
    "p+GjLV8GusYj7x9tZzX5r2M5XJV1bqwVxEDkDzzlhZ1AOZRwoAF9Q314OYTwwgZ0GOKwxr"
    "gMwnBpCzIAc51fUw5tICxFmIwQ3WPKYLx9Y9jQhWN6aIAFdwL27PvchZvA3gehXPJCmy6W"
    "+2oeLQBoqtsrWh8tddNYFaUHwlM1bMfmpqjd2Ec8mGV6sBFY9M7G/FtVeJ27ulQRV/oEj1"
    "1chC/mj07BiEYAsZVnBQEn0D+rtVy2UHxtoWUl3/OuvJ+YCRQZCDF7ZDeKcybTzlnXVnsS"
    "Iuhy62JVp4E9NwZ9hFmj2fsyl15NjPlNhm9IaDJo6t6prqEuyge/oiWJ3fs6ca+p3lb3JI"
    "tXREt6X5wkX30Xws9+E+ODLK0JERvAx9BfZMzXNc20E7965Bt7L7N5XPiQqezkZT2f8nOx"
    "4q+bjoOpSOdbJ0LGZe5UjLigKCLRWCLVCb1yK4C3VpUjmYx7e4qClBslFdU9eghsKmzrBC"
    "4vTL7M4uwvcsLSRgdi0BM+dgeplcq8hZwjELEn6UYpMg4baBJKteeTjLNFXYcF7jhgPnnc"
    "rGdc7uk3fOvWDyX4eOpGneYBI932CjYw0698G0X0nhJ/Ip6pydX8cRWGWJgFnSjVMB+6Mc"
    "18oEDPCq000/TylfnVDDLfWJ+sCJkRR7WaLx23exDH6YelbgbJ94hkkMy33LnvfjYPvruj"
    "HHi4BhlrBCLBaSsJ0lXRVPoY1UP8Z1Hs12wSbrofSvFBWMS3Sgx+d244Fhu0+OzR83Ai02"
    "+Z14DFj8W9txwOIH2w8sfuB6ExZ/P86WvD7712f6U89O29Im2z5JyMEaNp5q9s9IkUL4pj"
    "ufU16KOpiaQXo9T0SOFlwRye8t74oIAKv5UaVI4aPq8kdFFz4zDWucepenlM/l1FYnNSjL"
    "aaOaLNzL6x0/VkQOB5BBpc6LVOrkFmQDCMt/sFvRZ7xB9Q7UnryY77SoO1Uaz3U+VOhPJZ"
    "8jFRr+tKFBbblFdcf2mLTuf1RJ9T8q0fyPOOeVGG5xZ7USWytNJh/YzXsF47BnHTsrQQei"
    "orB1hyJqYvlEAGtVwyoErAHFX7qTJ/N6f3JBrreu0o1LmzBcJdPuswDn5GKXWtle2x6hP/"
    "LaM/nmQuJ2ub0QDFScaCQYDH0SpWUGA2ReFEPfzxg8ZF68Rq5XybyAkoDWSwJsR8z5kiTZ"
    "nuq/v9eXRn2smcoTZ9Ee27aJVYsPakyUgXRCqdrCNFIKthtYPx6PL1LS5/g80xjk8vOn47"
    "Prnf1MigO3DbtQ4n80HhL/UwxoouMC1GB0hhWsf5PFLakoZkeSBljSOEvoa9IfFUQxNZa4"
    "5hi8QGTJaddFEwCzWmWWgx/o/2qzKkEOjGqcUey+alLodawsHDw1vol9VEX0wKrGWRV0GB"
    "Sx5GIKCW255oNkiSQZoW8gSwdrv/G1/4Qt3RbMEU3RQOLi2vhagFcDAaDfVhP1C9+qwZ/U"
    "whJOpdtC5OcGE/a/gPf86M9qyG6VCJCbHL2+/y5y6WATs462aMfQ0f6bj34j2kfLnrjIng"
    "ZdaYO5EZXnhoX9brbssmlMsbak8oHThLe5eSEe1a14FNvZ3YVpEM7GWwhummh7ftSDToOc"
    "cO0xbAp7HZS5UjOU4E+t7k9VNQ0v/A1SmRuWR3jYF59fxyXeYoRg2JcIweoIOqGS4jTVFs"
    "uKRxcX49/bUsbbLyn2s4me6S+0nxVdXYosaT7xFoV1X1Y0BOeLoZYrOC/Q7KlNYyE61GTA"
    "sRJW90rNAzc5CpLDZFHGNdVxDF4NY/HGmiCRMB2/atlzWdVzruEeHfbIbGvLm0/EwOaQyg"
    "d6K6k60Zm64ntsmhL22K7ssVXSHuNjfsX5nqWF/h3dUabynE4eLVijq0QROVTnrI8e5LBr"
    "IJCQPdqxh6hXjSkULT3RupJGC/Xh2MP6VlVRsX4W0/XWFRTsy2diQcF+8w40qHFuNZgUSS"
    "MhbDNUgOx6RSrpVNtQf0p68XoGclW9KbPAoNS5cYQ7Xeocphpx9Kw4CalYw4oznkC16pX4"
    "LFOtoLS5GHp5fXwQPZWN60XR01SZFpXpQmGqcDwcJJeJlcBBctsORUGJ89ZS8p7xZGbbj4"
    "rnmCIrOkMmZYi14sIuXdm5pR0B52KqUXH24/WQx5RSot6MNBFII0qInYWhPGJeBp9IYGC0"
    "MKiR3D9OFEYESoOIG4JVI4rVR9iS3cI2bRCd7lAmIViRoAvTC7iV7CKI/R7MdxpMJ9OX2a"
    "b3KIsax43EAbbYn5Th6rKSZ2kwtjDC7OxNNLUdZNO/EuXvH5GKAjfVdy4K5//smIiOVKO/"
    "ketN4hkzcDc8/Z21g7/Rn2Mu/anCmivybCPDRS4mb96i09WaZrf9UUzsIWJnn45UB1Mii9"
    "xZhoUMPRi4i7CqzZA6JYyIzs6oJpi+PUYGoW+jaRjrmI2mkBom/Rf7ZQ+2rVes7fqSOFvM"
    "wt8Itf0Jni/Y/wd06Jf4DId4nKEP/gRH3jYdedFXxI04lZ3EkyIDU3+tqe9LBxGIVwQSGv"
    "vNwzuxdU6c/5bKnYIipXC8FOCWORvP/rhNWfi5RgErX+PF+PLnaHi2e0AmTN2PYyavzi5P"
    "zy9/HmxlSTdfERbul0KljQmS7aUB9KX4y1RdojjYXdDHYKVoEReCW0QOXS8KoMaOw2t1US"
    "wl0lTyeaXaOtsvq17nIC8PznHIIQO/OwG5fBwWou/FH1w/47AQfX+NXK8SfX+Jc1s7Jrob"
    "z7JNuNoEM23zlABwHmBoJAeN5DqTWlvcSI6bupx182+IbhjauMnMKifUHPFYMVe8AaQlC/"
    "tmsW2mXjGy8kz7odFY6CiYt4eqYxdiohF660OjCZyrR0gj2756pPRqfHPL4ooqiubwWzzO"
    "7GcWHKQCFetBU8hVWFO13GcWVbQd9DxbsnsORs+qiyzb4nSZbOshVcKSycCxcMDx2Hh4LT"
    "HHfwyHBwfvh3sH7z4cHb5/f/Rhb6XC5G+V6TLH5z8zdWY3aUGtj0yGi7aWwZulldDk7a+J"
    "m/ds1PfJgzu+kkEm7IkHJ7ywE173nKBB/VxkAWeooHaXs3pLc1SKkS1NUXm9yJb4FJKaUT"
    "N2r0CuZNewrmqYZdZZlwp3ec6HYhsj66NYb2BkfSUVutZbaHR1jh7xMk6F/BhkTq56yxN7"
    "YWguswHYe7q7yNXsBdYR1fP9PvR4ydIgd1Q61emn88ucbdHCM+4sfzZ/Fmqm+Lb499RwuR"
    "pd316eXaPwrkEfEB5Q9p3L7v92dnk6Tt22ny30bDuPb6BDfgezISGwWgx9P0NsEFh9jVyv"
    "ElgVLFTcpECxc1zdSoWieGXihhWJnYe5+QLnQI/JY1xynu2KYvsnqL2MO6ydcwKDEk8xkz"
    "RNBBbpeos0RKwBg7RyNW3XEK5qh6YXV/0QIVRLvmRkcESR12YDjpUe3tktM8zVeAz02uqT"
    "CNwtMUrp1+MKnkmbIJFRkzo6qqJJHR0Va1LsXnZDX4ggHA6XEN1WDuKgTyTc+sdiRTVBAp"
    "qqoKYq0LWk+c3sr/8Do564GQ=="
)
