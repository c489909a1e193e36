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
        ALTER TABLE "webhook_delivery" ADD "order_id" INT;
        ALTER TABLE "webhook_delivery" ADD "subscription_id" INT;
        ALTER TABLE "webhook_delivery" ALTER COLUMN "vendor_id" DROP NOT NULL;
        ALTER TABLE "webhook_delivery" ADD CONSTRAINT "fk_webhook__webhook__4b547e3c" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription" ("id") ON DELETE CASCADE;
        ALTER TABLE "webhook_delivery" ADD CONSTRAINT "fk_webhook__order_3bd51675" FOREIGN KEY ("order_id") REFERENCES "order" ("id") ON DELETE CASCADE;
        CREATE INDEX IF NOT EXISTS "idx_webhook_del_order_i_82954b" ON "webhook_delivery" ("order_id", "status", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_webhook_del_order_i_82954b";
        ALTER TABLE "webhook_delivery" DROP CONSTRAINT IF EXISTS "fk_webhook__order_3bd51675";
        ALTER TABLE "webhook_delivery" DROP CONSTRAINT IF EXISTS "fk_webhook__webhook__4b547e3c";
        ALTER TABLE "webhook_delivery" DROP COLUMN "order_id";
        ALTER TABLE "webhook_delivery" DROP COLUMN "subscription_id";
        DELETE FROM "webhook_delivery" WHERE "vendor_id" IS NULL;
        ALTER TABLE "webhook_delivery" ALTER COLUMN "vendor_id" SET NOT NULL;
        DROP TABLE IF EXISTS "cancellation_request_line";
        DROP TABLE IF EXISTS "cancellation_request";
        DROP TABLE IF EXISTS "webhook_subscription";"""


MODELS_STATE = (
    "eJztXXtT40YS/ypT/ifsFbcFBnb3NqlUGXA2XFjMAZukbkkJWRqwDlly9IB13eW734we1m"
    "tG1siSkYauSlUWaXok/3rU0+/572Bu69h0344Wxi94OfiI/juw1Dkm/8jd2UUDdbFIrtML"
    "njo1g6HqwlAeo0FT13NUzSOX71XTxeSSjl3NMRaeYVt08MhCo8szRMa/RRPLXCIVXf88+v"
    "vw6B2aqe4M2ffI8FzkYs3BHjLIvzzbwfpbOrtua2R6w3rYZKJb69a6meH4xky1dKwj2w/G"
    "3NlzV/lh4U9NQ1MM/UflB4fct+c/3n2P7laX79C9Yeku8mb41nLs5136r/CpC8d+wsEd5G"
    "DXC17bt4w/fax49gMm1x3y8l//IJfJFPgbduM/F4/KvYFNPcMFQ6cTBNcVb7kIrp1Z3k/B"
    "QIrIVNFs059byeDF0pvZ1mq0YXn06gO2sKN6mE7vOT5ljOWbZsTCmFfhmyZDwldM0ej4Xv"
    "VNyl5KHb5Acm2gKBeTG+V6fKMogwLrY4oUE6NLmm3RZUNe1Q1+/QN9hb8P9w/fH344eHf4"
    "gQwJXnN15f1f4aMTYELCAJ6Lm8FfwX3VU8MRAcYJqITvFAlF9YrgnpI7njHHbISzlDmk9Y"
    "j0bfyPPO4xymXAxxcS5JPvaBvQkx+o068pYnkJzjdnn8fXN6PPl/Rxc9f90wzwG92M6Z1h"
    "cHWZu7rz7g29bhMREYqO1STot7ObnxH9E/17cjEO4LVd78EJnpiMu/n3gL6T6nu2YtnPiq"
    "qnVmd8NUaNjEy47i/0mlzPUgLXu8L1GKMU26O3T7i+ktlFpp/MVIfN8AxRjt8EtzocflmB"
    "Ole/KSa2HrwZ+fNgWMLfX0dXJz+PrnYOhjmeXUR3hsGtvzIgh1upQjdAEZhzZM0A/dKfUg"
    "bqd4cVoH53yIWa3spCHfxfAON4vITgDvf2KqBLRnHhDe5l8XVsUwjfeLyE+O6/qwDvfl62"
    "J+jSW1lwTVtT6TsRyeoWQf7n9eSCDXKeLr8FG5qH/odMwy2ouk2BPvjh3rc0+g5o6humZ1"
    "juW/q8HwctsaIEeopTZveNId/5PPo9z42T88lxflulExznWKMRO8jCpsjST5HUWv3RDtjN"
    "xd+85Hbwk/1YS//MUjagf3YM+f6qm0Urw1RdT/HdWnzO0wKnu8zpJ2zptsO0LLgemgzNek"
    "dN9xnahKuGOr/uH5memhCvIsA/2Q42Hqxf8DLA+Yy8k2ppLEUscmP+upqoX/j+Fa+g+Gry"
    "io76vHIYZhcW+fnkR2MvAOCKLPSrsxMCNMV5qmqPz6qjKxzAn/F0ZtuPiutPV+/LUNWOo2"
    "l++uUKm4Fqxof+t3DK69SMPVSNeYwIULWHdgrNDM7FW/PhPH9FtdSH4CfRZ9MnRdCd0EVt"
    "hgBfYYKD6w0YPnrWsN0yh72WIlCcFMVa7330KIIUIpzxXKSie9+8N0xzji0P2Y6One/IVd"
    "clnyfGSDWpa2mJVE3DC8Jscucx9I7HQwp+/eYfcWvdG47rfQwuhnMSebGkDnrsPBEK3/IM"
    "M/LZB2DQUMBqvh2HfEwq2ZbfkIeTEf/BmhcFJNZ79r8OUi+vBC9PCcnzPd8d/AGO/206/i"
    "PUBWychGJ7Bj4R2f/6QqT2+LQt47JtO598kG4o5Su7UVYU4EipAPAcuy7ZMkQQTpHIZ63v"
    "71XyBdJhfJT3GN7AcDsgFtl0Kbacs3QSLuqDSogflAB+UIZ3HS9JllbCOJ1M5rNquc/Yqc"
    "XpHCm4SXrBZzEJmiOTb8tqRX6GqCk11IMipXyQt6UlFCw8Macgj7yWf7BrW1bLDkKmcb2h"
    "r/CnZM5JPGXPUK/qNuQtvYwH8WR0fTI6HVdzIJqGhTd0GDLcWedkVonYsG2nYQBfNcdhjL"
    "SY81AxY7K1HsSblQ9OdR+xju5tB9kW+Q8X3XyITlvM/K03BcNX93WQcn4Wv4XgR/0Bqbov"
    "6LH701ctz/AYqiMX2jQJbKErjMvUFbrQN9VZUnMA6gzUY0kpBHOWCHBdrxCmBfpmaiAnqt"
    "YzuKtqgtmVxtb/1guRFrRvyVS/9Rp4SpCKquFtqpUFq4ihT7IsJ74iybTd1iuQEyuJ7H7n"
    "InemOpgWe1H1L5jmI8LfyAzmMrx0j+L0UaRaOgozJYJ6MOwVdcvGZ68SIo6nSEeGd9HXVP"
    "pL+moSkwxD1NRFBoFkqCDrhuDraS0RVJC9Rq5XqSDrSdLI5HJ8MWiLu23ni9i+R56v1Mgb"
    "KVBKGGofVotbDMviFkNG3CLSc2qFYLOkEkq0/kowRgw25hbr46KMXsNk5peVYbJcDKZMy3"
    "8rK1Vb9EtJE0KqQqc/kyjjt448zJICn7vM54Wq1SvEyxACj7vMY3dmLBa1mJylBC53mctx"
    "MUatdNEMKfC5+3yuYx/mCeXLamu+nUsEWo0swiKlfHi3lUUY5dXU8yrnaEGadVmapdqZCM"
    "RmclRQPV7MsaiRfAsJt2swhTYH7SetNJW5LHu68voUZZaYbQDY89RU/Vq5VaHN7S6cFhJF"
    "wdAAuNCbo1pqPSvxuvlUe4nER1YabF6YIHlqWsF/Rn/ohpBdR9PIBNM2s+x4lRu8pSiQbV"
    "e9ZoMPGXQ271ZeGpRLNG8AxfGAGtiySLeH8V5PAE6cVzUgZhMDyOuLfqBGuV03lHhRFRRS"
    "QQX4y9efVHWvNFr1I6M9lYd64/IejisASu5f2mo70/F8YXvY0pZXWCN8HjBMtuKg3TJ7zU"
    "iGK04yvlJ51N3CVDUcfFN3aIEdtBP1at+lx2W9CRthuuT16J/IwZ7vWG5yMVio7NKoxmZm"
    "VuOnOsrT88Sg9B5qnDopZHpa7QI1Tq+R64yUhIK39wVO/+gcd1s+/iM6ILMqvNFwCaFt59"
    "imqH2B6BFkeToJ8W5+KUOaDWSEdMqm7l63jDPrCVue7SzPsf6AnbHlOczjlZnjdkvtwpiC"
    "fOGUpFsRvGPj4bUYXv8YDg8O3g/3Dt59ODp8//7ow95KBhRvlQmD47NPVB5kxO9684xgSI"
    "+upkveU0UkcZ4OYiXFVl3huSDC2BYJAdwiuHA2RKvVG2QfYKXllbR+jgnkq9Voyda4xw6O"
    "1K7qizhFBEBXAtqyPbGzjqPx8sF7VAneoxJ4jxgFR+DglczVV8XBa+InbApWHqVIwHhfb7"
    "wHeDVgvKeMw2jCnuFcufggtcCEE+S3ZMZTDpQb8BGPqpnu8eC18dxrz9Ye4w6UC8fWfc1D"
    "qhf8GRdtFGO1lahurVvrLrIH74L2lXexBXNHRppLRF7TQdTT/4BR7CJAz4Y3I6MJLct7cY"
    "c01XGW9PjGVdg3MIfcXeTaCKvaDAU/H+E/ffKT6ahby/Xn9G1pT/fQrcEPEqfLeqJfBpFi"
    "iBR3UwJKrEhApFg2rleJFEfbhbjDEbxhZa7GGk5GAJRZraHeY2+puFT/EQA1TwbA5oF9ua"
    "YVnZPuDSMbKbFiwGaJANcKVvmLtAPoGsjt9QOIbbHN4b1MZpIU3ezXu0FPgCQHoH7yPy8H"
    "QRLsW838X0kChmsoLSX4TqG0WOpOHgf4RMAnAtYx+ERePder+ETISDKZqwR/F/hekniRo5"
    "Mvbt1KWkAMG6173K+D94oQABcGfFgX8CEALgy4xuyFsR5vjd0GQwK496v23i1rvcuD28EP"
    "TP/AesATSoBcCHK6E6smQVSvtXPmyOUDf1hNupQIF65ssf3Y0BcWLwmphIhXAZyPN3ehE5"
    "jqLfGYUD6oD6ss7kP+4j4sLG7q6vJ8liz5ybRVXowiRZQD+Z5S9Q/mElhPJ1+Oz8fo8mp8"
    "cnZ9NrnIGlPBTXqJXDBif+TovBAKsh5qwJymApwr4Cy6K260DXbMPddyCauoqb6Rid45V0"
    "z7FsyjwcoRKSl3N5gZIjLg2/xxqarmGU+M5Xts2yZWLW6VT0SUw3hKqNoCORYZ25W9x5PJ"
    "ecZ1eHyWK6+8+PL5eExQf5OVwezmn27YGI3VYqsM8DwpwF4d9oWhPfoLBVsUBVaZcRnwRe"
    "ItQr+60l/sHcN2xJqwpkm2l4qyv9eX3CldNcyloqkLle3R4wJbJITTVDiJPlWyJQrNLhs+"
    "EKB/rOAmTaSXb65uZUPQpK1qYu1gTawymZeWgzVs0I4JUavIzZC6CiaRCKo2U5fCZcXIW1"
    "qtN37S0qo90fr6tRHSfNez59gJu39+H5SF3cXuzb/doXC7c5Hq4LBkjHbNp/Vj0ZhidVtD"
    "c67Pmcq0JE0l5pBhX4lxqnq+m78DaVaQZtUJodLThBtIs3qNXIc0q865cCHNCtKsXgfgkG"
    "YFaVZyQw5pVpBm1THEIc0K0qwg/QfSrF4eZ8ufT1k1tCXZQCuKRqRFhzKtmm9HC0eLtJ7M"
    "hr952LFUdldHPsw5Mvk2vlaMxsTrXxXnhGJ7q3lwOb44Pbv4NNgO0FWW9JC/pIeFJR3Hdx"
    "Q8Vw0x4VGglFCGHFQyWA5KLJaDosmyQk7UwVogBFFSSZTMVFeJA5NKZIgUcS/NdeNNARlv"
    "AhlvOjaNJ+wslTkmqAntoQxSCcVN8ynMmu/QbvhCfpE0jYQgH1SR6Hx5XtBT/Klneypj7z"
    "zFmjFXTY6ykiLLh0dDurcRfQ8BLzMkiQH5eXS+s3+4O8wJjLSLJLeKg2OTFfEjTQqE8u2Y"
    "LciM8JDqetkeOdoGIv8dQ7+/gf5ifke0q9bidJ4WON1lTkdpsvWai7KJIUN+bSvMHHAM/3"
    "KLHTE7BnXllo3MxbZB68YOFCN0VD9bU42g4/nC9qglQBQojUC3aUFCMuFVMJ+syGFaeNFE"
    "McKYTiQrSjPb3HRFBSD9bJvSriSaadYERueG1cck24qlLdusaOklRM94OrPtRyXS2Y1N19"
    "Rv4XynkVNOHmWk/UKgUKTzqoFWAn9NSZCCVwPXFgbdzHBYvfOdi6ghRmXKLiJCE7seujcc"
    "13uLLoIDqKKk/V1kBX+GCpdeLAtqZEbBoiCiBgbFQLVLgODEbHpvGydm9yUTYbCdoG3zeQ"
    "gBNgLoxuMldOY3D+4cuy6R3yL4pkgkhHi4VzUmWxqULWbuwvnZ7Ya9qYAu4vvP68kFrwlG"
    "OD7vyTU0D/0PmYbbQwdfCaoUiIz7NgZz5/Po9zzOJ+eT47xflk5wnF/UU9tnuNL5oK8IAP"
    "UNUHdd48HCLLPmBn/jKH0ZIhlESlm8Yvz7TTnqq3DF+eTiUzw8zwo26kqNLZNFKwMPtrN1"
    "QjU+nwH9rMuuUo0fWv5Ckbs0CZxdtz5gt+q3smGYTrbA0G4uSJdeV5nQ3Mno+mR0On6pc+"
    "STgADPwxZHC9Y52GbxODgqrE/f9m6JX0o8fWzDvLGufd1tlyBZtifW7DkaL5/it19N8dsv"
    "U/z2wWeyfZ8JaNZ89OXVrB2iv6huLbbnSCELsstZkCtmTYUKInJkIEoriVIwV8FcBXN1vb"
    "ka5GbxzNU4cWuduWrG48Bc7dO3vVtirpLNz2BnjfMT9VMkID9Zx4w8+iIbfzRcQuO/+byJ"
    "P33V8sROXUiTwHJlLFfyuzxl4Rgaw61SWl2aJYT6Upxe1sX6UtUMyk2Ihl9jFbOJt7ee+3"
    "I4C1WZAmWlHsw8cgCadZbWoh7ILFIAmNPHoh7EbGIAOQ9yUkleA2Q2MYCcBzmsnamHMZMW"
    "IM5DDG6w5jFdOLbua55gFXuGCHAF9+L23IuMxdsArpfJTJIim/1mG2oC0EBRbb4HgPz1tU"
    "2gFhbZyowVtZ+aWmPX0Vyy4dVqQMX3pvY3fo1t6vZuaVAlGChSZTuyUDAaPTuG52ELGVZ4"
    "IB55A/K7VculB4PbFlLd4DqteHzAyPCQgxe247FO39t4ylvr1qLFug5ZbEu08Kem4c6wiz"
    "R7PqdT6sixnwmxTekNB00dW9U11fWwg+7Ii2B1fkefaui3VrDJIdXSEdmW5gsX3cXz0dyH"
    "u/BoQENHRvgy5BXoMzXfcW0H7dy5BtnK7t5ULv0Nn05Hx5W/6cfF16ECuJMVwAnzKkdaVh"
    "QQbIEK4JcFd6EuTSIHi/jyq/hSJBvV8XUN6m0X8kH6JX/Vy5t+md/ZRfiep4UEzK4lYBYc"
    "TC+TaxU7SxhmQcqPwjcJUm4bSLLqlYezTFOFDec1bjhwrrVsXGfsPkXn3Asm/3Xo6LHmDS"
    "bRc2w2Or6mcx9M+5UUQSKfos7pOaUMgVWWCJgn3TgVsD/Kca1MwBCvOqemFCnlqxNq+OgU"
    "T31gxEj4XpZ4/PZdLIMf7n0rdLZPfcP0DMt9S5/342D767oxx4uAYZayQiwakrCdJVkVT5"
    "GNVD/GdRbPdk4n66H0rxQVTEp0oJfzduOBUVtnhs2fNHzmm/xOMgYs/q3tOGDxg+0HFj9w"
    "vQmLvx9nCF+N//WF/NTxaVvaZNsnxjlYw8ZTzf4ZGVII33TncypKUQcTM0iv54ko0IIrIv"
    "29FV0RIWA1P6oMKXxUXf6oyMKnpmGN002LlPK5nNrqpAZlOW1Uk0V7eb1jJnnkcNAkVOq8"
    "SKVOYUE2gLD8B3jyPuMNqneg9uTFfKe87lRZPNf5UKE/lXyOVGj404YGteUW1R3bY7K6/1"
    "El1f+oRPM/YpyKZLj8zmoltlaWTD6wm/cKJmHPOnZWig5EBbd1hyJqYgVEAGtVwyoCrAHF"
    "X7oThot6f3pBrreuso1LmzBcJdPu8wAX5GKXWtle2b5HfuSVb7LNhdTtcnshHKg48UgwGP"
    "okSssMBsi84EPfzxg8ZF68Rq5XybyAkoDWSwJsR8z5kibZnuq/v9eXRn20mcoTY9Ee27aJ"
    "VYsNakKUg3RKqNrCNFYKthtYP55MzjPS5/gsf0jsl8/H46ud/VyKA7MNu1DifzweEv8zDG"
    "ii4wLUYHSGFbR/k8UsqeCzI00DLGmcJeQ1yY8Ko5gaTVxzDFYgks8f7gTArFaZ5eAH8r/a"
    "rEqRA6MaZxS9r5oEeh0rCwffG9/EPioePbCqcVaFHQZFLLmEQkJbrvkgWSpJRugbyNPB2m"
    "987T9hS7cFc0QzNJC4uDa+FuLVQADo19VE/cK3avAns7CEU+m2EPm5xh79X8h7dvRnNWS3"
    "SgTITY9e338XuWSwiWlHW7Rj6Gj/zcegEe2jZU9dZN+HXWnDuRGR54aFg2629LJp3GNtSe"
    "QDowlvc/NCPKpb8Si6s7sL0/AYGy8X3CzR9vyoB50GOeXao9hwex2UuVJzlOBPre5PVTUN"
    "L4INUpkblu+xsOefX8ck3mKEYNiXCMHqCDqhkuIs1RbLikfn55Pf2lLG2y8pDrKJnskvtJ"
    "8VXV2KLGk28RaFdV9WNATn+VDLFZwXaPbUprEQH2oyYFgJq3ul5oGbHgXJYbIo45rqOAar"
    "hpG/saZIJEzHr1r2XFb1XGi4R4Y9Utva8udTMbAZpPKB3kqqTnymrvgem6WEPbYre2yVtM"
    "fkmF9xvudpoX9Hd5SpIqfTRwvW6CrBI4fqnPXRgwJ2DQQS8kc79hD1qjEF3tITrStptFAf"
    "jj2sb1XxivXzmK63rqBgXz4TCwr2m3egQY1zq8GkWBoJYZujAmTXK1Jpp9qG+lPai9czkK"
    "vqTbkFBqXOjSPc6VLnKNWIoWclSUh8DSvJeALVqlfis0y1gtJmPvTy+vggeiob13nR00yZ"
    "FpHpQmGqaDwcJJeLlcBBctsORUGJ89ZS8p7xdGbbj4rvmCIrOkcmZYi14sIuXdmFpR0D52"
    "KiUTH24/WQJ5RSot6MNBFII0qJnYWhPGJWBp9IYGC0MIiR3D9OcCMCpUHEDcGqEcXqI2zp"
    "bmGbNojOdiiTEKxY0EXpBcxKdhHEfgvnOw2nk+nLbNN7lEeN4UZiAMv3J+W4uqzkWRpMLI"
    "wwPXsT3dsOsslfqfL3j0hFoZvqOxdF839xTERGqvHfyPWnyYw5uBue/tbawd/IzzGXwVRR"
    "zZX3bCPDRS723rxFp6s1TW8Ho6jYQ56dfzpSHUyILO/WMixk6OHAXYRVbYbUe48Skdkp1R"
    "STt8fI8MjbaBrGOqajCaSGSf5Ff9mDbesVa7u+ps4Ws/A3j9j+Hp4v6P8HZOjX5AyHZJyh"
    "D/4AR942HXnxV8SMOJWdxJMhA1N/rakfSAcRiFcEEhr7zcM7tXVGnP+GyB1OkVI0Xgpwy5"
    "yN499vMhZ+oVHAytd4Prn4FA/Pdw/Ihan7cczk5fji9Ozi02ArS7r5irBovxQqbUyRbC8N"
    "oC/FX6bqeoqD3QV5DFZ4i5gLLo8cul5woMaOw2p1wZcSWSr5vFJtne2XV68LkJcH5xjkkI"
    "HfnYBcMQ4L0Xf+B9fPOCxE318j16tE31/i3NaOie7Gs2xTrjbBTNsiJQBcBBgayUEjuc6k"
    "1vIbyTFTl/Nu/g3RjUIb17lZ5YSaIR4r5oo3gLRkYd88ts3UK8ZWnmk/NBoLHYXz9lB17E"
    "JMNEZvfWg0hXP1CGls21ePlF5Orm9oXFFF8RxBi8eZ/UyDg0SgYj1sCrkKa6qW+0yjiraD"
    "nmdLes/B6Fl1kWVbjC6TbT2kSlgyHTgWDjgeGw+vJeb4j+Hw4OD9cO/g3Yejw/fvjz7srV"
    "SY4q0yXeb47BNVZ3bTFtT6yGS0aGsZvHlaCU3e/pq4Rc9GfZ88uOMrGWTCnnhwwgs74XXf"
    "CRvUz0UWcI4KancZq7c0R4WPbGmKyutFtsSnkNaMmrF7BXIlu4Z1VcMst866VLjLcj7wbY"
    "y8j2K9gZH3lVToWm+h0eUZesTLJBXyY5g5ueot79kLQ3OpDUDf091FrmYvsI6Inh/0ocdL"
    "mga5o5KpTj+fXRRsixaecWsFswWzEDMlsMW/J4bL5ejq5mJ8haK7BnlAdEDZdy69/+v44n"
    "SSuW0/W+jZdh7fQIf8DmZDQmCVD30/Q2wQWH2NXK8SWBUsVNykQLFzXN1KhaJ4ZeKGFYmd"
    "h7n5AudQjyliXHKe7Ypi+yeovYw7rJ1zAsMSTzGTNEsEFul6izRCrAGDtHI1bdcQrmqHZh"
    "dX/RAhVEu+ZGRwRJDXZgOGlR7d2S0zzNVkDPTa6pMI3C0xSsnX4wqeSZsikVGTOjqqokkd"
    "HfE1KXovv6EvRBCOhkuIbisHcZAnesz6R76imiIBTVVQUxXoWtL8ZvbX/wHwaJfI"
)
