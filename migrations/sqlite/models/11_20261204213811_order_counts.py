from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# --- hand-written (keep when regenerating): the triggers that keep order_count -------------
# An order is counted in its channel's slot `id % 16` (models.tables.order_counts.SLOTS)
# by triggers in the writing transaction: insert, delete, a change of channel. The triggers
# exist before the backfill counts, in one transaction (SQLite has one writer at a time).
ADD = """
    INSERT INTO "order_count" ("channel", "slot", "orders")
    VALUES (NEW."channel", NEW."id" % 16, 1)
    ON CONFLICT ("channel", "slot") DO UPDATE SET "orders" = "orders" + 1;"""
TAKE = """
    UPDATE "order_count" SET "orders" = "orders" - 1
    WHERE "channel" = OLD."channel" AND "slot" = OLD."id" % 16;"""
COUNT_ORDERS = f"""
CREATE TRIGGER "order_insert_counts" AFTER INSERT ON "order"
BEGIN{ADD}
END;
CREATE TRIGGER "order_delete_counts" AFTER DELETE ON "order"
BEGIN{TAKE}
END;
CREATE TRIGGER "order_channel_counts" AFTER UPDATE OF "channel" ON "order"
WHEN OLD."channel" IS NOT NEW."channel"
BEGIN{TAKE}{ADD}
END;
INSERT INTO "order_count" ("channel", "slot", "orders")
SELECT "channel", "id" % 16, COUNT(*) FROM "order" GROUP BY "channel", "id" % 16;"""
FORGET_ORDER_COUNTS = """
DROP TRIGGER IF EXISTS "order_insert_counts";
DROP TRIGGER IF EXISTS "order_delete_counts";
DROP TRIGGER IF EXISTS "order_channel_counts";"""
# --- end of the hand-written block ----------------------------------------------------------


async def upgrade(db: BaseDBAsyncClient) -> str:
    return (
        """
        CREATE TABLE IF NOT EXISTS "order_count" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(64) NOT NULL,
    "slot" SMALLINT NOT NULL,
    "orders" BIGINT NOT NULL,
    CONSTRAINT "uid_order_count_channel_a6e4f9" UNIQUE ("channel", "slot")
) /* How many orders a channel has, as the sum of its SLOTS rows' `orders`. */;"""
        + COUNT_ORDERS
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return (
        FORGET_ORDER_COUNTS
        + """
        DROP TABLE IF EXISTS "order_count";"""
    )


MODELS_STATE = (
    "eJztXXtzozi2/yoq/9PJLU8qcTqd3p6pqXIe05PddJxN0jOzO5kiMig2Nxg8CDrx3Z3vfi"
    "UBNg8JIwwOEFV1VcegI8TvCOm89Z/ezDGQhfeGc/MfaNH7BP7Ts+EMkT9Sd/qgB+fz1XV6"
    "wYNjizWFc1N7ChuNsedC3SOXH6GFEblkIKy75twzHZs2HtpgeH0BSPs9MLKtBYDg9ufhd4"
    "OjD2AK8RQ4j8D0MMBId5EHTPKX57jI2KO9G45OujftySYd3dv39t0URTem0DaQARyftXlw"
    "Zlj7Ye6PLVPXTONH7QeX3HdmPz58Dx6Wlx/Ao2kbGHhTdG+7znOf/hU8de463xC7A1yEPT"
    "Zs3zb/9JHmORNErrtk8L//QS6TLtALwtHP+ZP2aCLLSHDBNGgH7LrmLebs2oXt/cQaUkTG"
    "mu5Y/sxeNZ4vvKljL1ubtkevTpCNXOgh2r3n+pQxtm9ZIQsjXgUjXTUJhhijMdAj9C3KXk"
    "odDGB1radpV6M77fb8TtN6GdZHFDEmhpd0x6bThgwVs7ef0CF8Nzh4f/z+4+GH9x9JEzbM"
    "5ZXjv4JHr4AJCBk8V3e9v9h96MGgBcN4BSrhO0VCg14W3DNyxzNniI9wkjKFtBGS7kV/pH"
    "GPUM4DPrqwQn71HW0DevKCBv2aQpbn4Hx38eX89m745Zo+bobxnxbDb3h3Tu8M2NVF6urO"
    "h1163SFLRLB0LDsBv17c/QzoT/Dv0dU5g9fB3sRlT1y1u/t3j44J+p6j2c6zBo3Y7IyuRq"
    "iRliuu+3OjJNeTlIrrTeF6hFGM7eHoV1xfrtlZpp9OoctneIIoxW+CWxkOv+6COoMvmoXs"
    "iTclPw8HOfz9ZXhz+vPwZudwkOLZVXhnwG79lQA52Eo1ugHKwJwiqwbo1/6UElB/eF8A6g"
    "/vhVDTW0mo2f8SGEftOwjuYH+/ALqklRBedi+Jr+tYUvhG7TuI78GHAvAepNf2Fbr0VhJc"
    "y9EhHRNZWXEW5L/fjq74IKfp0luwqXvgv8AycUbUrQr03g+Pvq3TMYCxb1qeaeM9+rwfez"
    "WxIgd6ilNi940g3/ky/C3NjdPL0Ul6W6UdnKRYoxM9yEaWzNSPkZSa/eEO2MzJX/3K7aJv"
    "zlMp+TNJWYH82TDk2ytuZrUMC2JP83EpPqdpFaebzOlvyDYcl6tZCC00CZr1hprmM7QKUw"
    "01fj0+cS01AV5ZgH9yXGRO7H+gBcP5gowJ2jpPEAvNmL8sO2oXvn9FMyi6uhqiC5+XBsPk"
    "xCKvT14aeQyAGzLRby5OCdAU5zHUn56ha2gCwJ/ReOo4Txr2x8vxckS1k7Cbn/5xgywmmo"
    "mh/zXo8jbWYwtFYxEjGKrOwImhmcA5e2s2mKWvQBtO2CvRZ9MnhdCd0kltBQDfIIID9noc"
    "Gz2vWT/PYK/HCDQ3RrHWeh8+iiAFCGc8DCB49K1H07JmyPaA4xrIfUeuYkw+T4QAtKhpaQ"
    "GgrqM5YTa58xRYx6MmGbt+9Y+4tx9NF3uf2MWgT7JeLKiBHrnfCIVve6YV2uwZGNQVsOxv"
    "xyUfEyTb8i55OGnxv0j3QofEesv+773Y4DU2eEpInu/5uPeHMvxv0/Afoi6h46wotqfgky"
    "X7n1/Jqn1+VpdyWbeeTz5IHKzyhc0oSwplSCkA8AxhTLYMGYRjJN3T1g/2C9kCaTMxyvsc"
    "a2CwHRCNbLyQm85Jug5O6sNCiB/mAH6Yh3cZK0mStoN+ui6pz9DGz8gtxekUqTKTtILPci"
    "toiqx7W1Yt62eAmlZCPMhSdg/yuqSEjIYnZxQUkZeyDzZty6rZQMhVrje0Ff606nMUddky"
    "1IuaDUVTL2FBPB3eng7PzosZEC3TRhsaDDnmrEvSa4fYsG2jIYOvmOEwQlrOeKhZEdlaC+"
    "Ld0gYH8RMywKPjAscm/1DWzAdot9nI33JdcGx1v/dixs/st8Be6g8VqvuKFrs/fWh7pscR"
    "HYXQxknUFrrEOE9coRN9U5kl1odCnYN6tFJKwZwkUriuFwjjC/pmYqDAq9YyuItKgsmZxp"
    "f/1i8iNUjfHRP91kvgsYVUVgyvVax07Edz8gtycYBEVphMNMgXIVlT7Vus7fq8MYAJ3hYC"
    "rvMMdkwDHOyC56mDEXgI+3kANCJxgjC5TiYLuQogYM8kNL5HHcrUU0ylxoxIWWnv93bwgr"
    "7LFo+I8BOI4lj7IIjX6EekmutbaPULI4/+j1mu2hmRjcaQjIQMdjIhgwHPrukhYHpgZ2ZO"
    "wmd83O0D02Y+bHqbDocAamOoBw/EDrCdgNIFRIS/t4nUTCRh4DmBX3x4fRGksZ1ekj8MNH"
    "MARsggHZHLZGXA7whndM9xTQIBtA3y9jR17jv6+Rrg6zU1NgJoWfTlfdvbA+dQn4avHjyX"
    "efJdhKcgyKkjM2w2JqMhb0DkcfJsaANo0CdSUf4TaR1CT2B+QmTEY5rjF3srSuIR0CyLjI"
    "DO8j510LNWRgQampEZRIMCyIhdRD81ZPSpe5+x8N5mXQM4IZ8oAwnSDD4dYQymjsXGQnCG"
    "1jNc0FRC9g4zE8+gp09Vbl8DFYbYmpKyQJiTnLC8JVGXZKy/DQaHh8eD/cMPH4/eHx8ffd"
    "xfop29lQf7ycVninw/bhIVSGKvszllTHac/Yln1hNvUVzD4vpdamSvwo7ekRVjCl1EM5Gp"
    "bYJ18wmgF9KDtQguPS73BLZCBdsCS1ZGXtbwUXnvReKXoi5o+yhsqQ9+j8Vmxq+uAmaC+C"
    "nqv2E3wnFHTjuyngWXl61iF+OPFNCtni5okOiD95BYD7zbscgfU3/y5xp6mZtk96KPYQ2C"
    "WaEiuFTqdkMW/XYm8arU7bfI9SKp2y2J1hxdn1/16uJu3YGakfopH7CZoexgjNugWMDAIC"
    "9gYMAJGEiJLFKxT0nSDq5o7V3BOMFPEbd4Hxdl9Bomc7+sBJO7xWDKtPS3EhfOpb6UOKGK"
    "EWz0ZxKm2pRZD5Okis9N5vMc6uUy4BOEisdN5jGemvN5KSYnKRWXm8zlKAuyVJ5GglTxuf"
    "l8LqMfpgm7F05efR21ELQS4ftZyu7hXVf4fhjQWs6qnKJVq1mzVzNoLLRHx9VCn06Z3Yvb"
    "heJ7k/me9eDJ6h+8DhTPW8Bz3TGkNtIUWfd20SI+BLELIeNBiOFFPguPhltxXDZCv7eIfH"
    "thOPt1oV5x/HisBqYEvikqVXIsC2yJjE2VpbkGU1Ubr/5Mh6rSXbue47o+r5W3zFYA7GWs"
    "q3bN3KLQpnYXQd3B7MJQAbiqoGOxfGxetm71+dkdWj6Sq8Hm2ewdz2fK+H7oi24I2W3YTZ"
    "dg2mb0uyjdXzQVJaLgiyf6iyErVzRzFXMdy8tXgdcqEb9dAj3PVV4CWx6pspmkAV55Z0pA"
    "zCdWIK8vJ6GqX9Vrq5Iv16FKdJQwsKjaYhtpsHK1xfizvCrzVseUrjTUGxeOENgLVDG311"
    "btLgw0mzsesvXFDdIJn3scvS7bqJ+n1Jmr5pq7al8ot/lhbkEdsW/qAcyRC3bCU8D69CDm"
    "3aCUBCbDoz+BizzftfHqIpuo/Lzmynrm1nmLnVVGT6pWRd1UEm8jF5mWpnOqJN63yHVOHE"
    "7GJPwK50o2jrs1HyxJNzQJeMPmHYS2ngOBw8J4sodbp+k6iHf1U1nF4qiwkUbp1M2rw3hh"
    "f0O257iLS2RMkHtue+6ix1MKee36uXphREG+cEpSu5tPSuvKq9/WMcVrC3Xb+jnqGcGQVn"
    "akU96DMitxmk75SrJFoIMTJ6WxzRIqcLPgqlMHa01PZOVfZfBdEnQvjaImXeMRuSgUu4pP"
    "4hiRAroQ0LbjSWEcte8evEeF4D3KgfeIk1GrDLwdM/UVMfBa6BuyJNOTYiRKeV+vvDO8Kl"
    "DeY8ph2GHLcC6coRCbYNJR9FtS4ykH8hX4kEfFVPeo8Vp/7q3n6E9R+ei56xi+7gHosZ9R"
    "ZkfWV1uIip5b8BDqgw+s9vRDpME8kJbWArADFMLTASITAXg2vSmgZxM88KwXD0CHrrtgRx"
    "tEbl+mDmFWuR/R8wbY6wP0p09emba6t7E/o6Olp4UFZg2xkzie+xO+mfIUK09xM1fADgsS"
    "ylPcNa4X8RSH24W8wVFZw/JMjSWMjApQbrYGfETeQsNU/pEANU2mgG1OZYvGre4VIxsKsX"
    "LAJokUrgW08lepGdA0kOsrGhDpYpvDe73qqaPoJr/eDQoHrGIAygf/i2IQOoJ9rZH/y5WA"
    "YxqKrxJio1DiBKzGxHEom4iyiSjtWNlE3jzXi9hESEvSGdbY7wzfcwIvUnTd81vXEhYQwU"
    "bzHg/K4L0kVIBLAz4oC/hAAS4NuM6thbEeb51fBqMDcB8ULS6fV1teBLeLJlz7wHrAV5QK"
    "cinI6U4MLen6zwLy7oE/KLa65CwuwrXF8SNFX3p5WZF2EPEigIvxFk50AlO5KR4Rdg/q90"
    "Um93vx5H6fmdzU1OX5vLXkJ8uBIh9FjCgF8iOlah/MObCejb6eXJ6D65vz04vbi9FVUpli"
    "N+klcsGM7JHDy4wryJ6UgDlOpXAugLPsrrjRNtgw81zNKayyqvpGKnrjTDH1azBPJi9GJC"
    "fd3eRGiHQB3+rPA4e6Z37jTN8Tx7EQtIVZPiFRCuMxoaoL5GjJ2O7aezIaXSZMhycXqfTK"
    "q69fTs4J6rvJNZhf/BMHhdF4JbbyAE+TKtiLwx6d5GRTFHhpxnnAZ4m3CP3ySnuxd03HlS"
    "vCGifZXijKwX5bYqcMaFoLTYdzyLfoCYHNEqojV7LwUo+Y9n+S+nWCaHtiR+/r3WmvRUJz"
    "JqCqSFRKpqhoxacztG/KC4NT4vM4lR+0IWidzR7jSQpVzLIuTy0X6ciklSnCkpybIXXDOu"
    "kQVHWGiAXTihMftpxv4uCwZRmo9XmCQ6D72HNmyA2qrH7P0u8eIjPy/zyAYO/DALooSM2j"
    "pxPQPL2wTTaLsKI+ixwlEisnGAuA+oMeJ4I96PmYdycZNGMawdVYV/wGBGbyLZBldkbG4x"
    "i8ntGLh1wbsqTUP+iHlGQ2epnTtyPQs0u9r9fXRLY+Hd7e7dz3Isw0NCPi230PDG9BuKvu"
    "7tLeYpF3L2HRbdaUsT780nrsKYTn7MdfKnhPBe81YgltaRiXCt57i1xXwXuNcwyo4D0VvP"
    "c2AFfBeyp4r9uQq+A9FbzXMMRV8J4K3lNBZSp47/Vxtv3ZmJeZnRNjtqSoZLVoUPxe9UWO"
    "1YE1tYdIxk3gEjCnyLq38dWiNK58HEVxXlFsMXjh+vzq7OLqc287QBeZ0gPxlB5kpnTSMy"
    "O1eGQoO7iGHBZSWA5zNJbDrMqyRE7WwJohVEtJoaVkCrEWuWG1UBHJ4p4bQSnqQsVRSsRR"
    "crzMRac+h7SDy031gfG679IzFqTsInGaDoJ8WGRFF6/nGTnFH3uOBzl75xnSzRm0BMJKjC"
    "ztHg3o9kL6FgKep0gSBfLL8HLn4H1/kFow4iaS1Cxmh3Fr8gflZAi7t2PWsGYER5+Xi/ZI"
    "0Vbg+W8Y+u119GfjO8JdtRSn07SK003mtDo4KHZwUMGTg3KPDsrsUR6ccJSKv9+OrgTZFm"
    "H79Hdj6h74L7BM3C0DMgUi8bFEaO58Gf6WBvr0cnSS/gpoBycpzIkyAGnIogzucRqFfXns"
    "wzSDckWw+cQqk2ttyeYUcByPVY2VmxsGtSh3oZ8uLcydbBuUGG5AMldDNb412VwGms2JYG"
    "HrC6KS6QS6TRO6Vh3esP66ihwyTK8ayNgEOyfddRwwmulXCVS0o66iNHWsSubTz47V2ZlE"
    "g32rwOjStNuY51AII6LLaK7zXAVMd3DSVZS2m2jaSoie0XjqOE9aaFwyN/3yfg36Owu9R9"
    "2RcevPzz2lUbE9UZJucLe/NlM3CK5lDdfm6/7sPAMypkWQWYsBBGGAEpjSozIhDvJpV+di"
    "3l6O7m4BXXjegYeA6CGbsltNt/Rk0DNIXg5iRDhgTia0L8cG98GL3vfAs2t6iPQAdmbmxG"
    "UzExzsfwKmjZHr9UGgbvTDAUwQed69HY6lzw4bvbv5enU6vDun/V4H+vftPy93+6QLNkj6"
    "BHaMqAttTMtXOTY7QjR6ARMD9EKu39uEgJ5UugDYhnM8dTzWv+0Eg3SBDm3w6LgT5JEBfw"
    "9C1jpzFIyb/LniHgY01w2ThgSFIbAcaJAnQg+MF3OIMQoAXGKyMyby+HRv7FtPGm37DoPT"
    "0fW/dgGVX1l38JEOgUCNrEfxqaax6DRsOepE01dOAFbhhXWHF7JZnsH3dgYtS3xKX0jTpe"
    "PODgfHH5bTl/7Im7m3X4aXl9lQE6FZxpyIj+UUFaZr71mHfxsMDg+PB/uHHz4evT8+Pvq4"
    "vwQ2eysP5pOLzxTkxFwWGCvFFrTaZZaYXUMkuCRNH+ukl5jdpZgMM7IReKBU7GEPgGyoYI"
    "f11QdPaLH7aXUEOPkZHBy+vELpQtkAk73am1IOp8WZyp9wTxAl8+b76BRzhx1pTlv2wcXZ"
    "+Zfr0d351em/tNPR1U+XF6d34h17WZuFPFht16peR0N3mXZWblD1Ot4i1znBHRmjCV1tJc"
    "TysHkHRfJagsddRN4Ue9oU4qkMzGm6DuJdvQoUSF1SEkGcpEtaUF0RBEshbcO4ga55qvup"
    "qIH4vErECpwOb0+HZ+d5oQL1KzrMKynUcSKf5Vr1ZtlwrWJzR1QIRvQOAyoCULdYHzgWae"
    "aBR9PF3h64oiZHEIoSfWCznwFwRtYuW0mPkoUUlwURU8UNlx8FbSClqeQZFDqmrGzBmJCr"
    "0rTEAtnrtXTzZdhIoBu1V5JNAXBnCGOyoMvgGyPpIMSDYnHYg7w47AEnDpvsYo5UkYklQf"
    "di3WtRiGQDrlWw9ebB1nDs+Bybjhj0JYFCfQPUMSYqEeIFodyhF4HQlyDqwpKSZyk7/+0u"
    "H/WloexydPU5ap5mBR91rcSWyaPtAg+2s3Uqp4GYAe00HxdxGiibm7K5KZvbepsbC3IXmd"
    "yiCPh1Frdp1G6dwU2MbRGTl0uQg3i5IAfzL2bpkrNxvRUDV23eePnCFRtWrGjaAlB38UOV"
    "3h4rb12wvnVugWtlVtm2WUUJ32L0uyt8pzZqGbanSFX9leaE6OTweSwVq5MiU0tpoaVUab"
    "RKo1Ua7XqNlqUkizTaKF95nUZrRe3q1Wjxk6802dfXZMm+aPILz4hr/cRI1NLKKYsbTu2i"
    "MkHYvIN2geqjLv70oe1xTx0TTtc4iZqunOlK3svT5q6pcywuuSVvk4Sq6C2KT+ts0VtosY"
    "pVRPgvMYv5xJ3Ja6xsMlNpigkS5WAWkSugM5scLZ5fDmQeqQJYUFy/HMR8YgVyGuRVeesS"
    "IPOJFchpkIM6SeUw5tIqiLnlEZSFrFJM565j+LonWQg3QaRwVZbH7VkeOZO3AlyvVz11FN"
    "nkN1tRHeEKykymywh3ueJksM9XgVpQULHLWFH9qao5dhv21TW8ave10LqmIldLWPN0nafF"
    "C5sVKkJEGtN6htAGYW2gR8dldYAe6METD4CsFLQI344Xy8INbwXSCS0m+Eyr/JlB/b/dbA"
    "Zvjc/h1hcKAYg5flR9oVfyA4WsKOqzCJsrn4WqgaF0iNeHt/XRC743dl7ERTBit/P3VdZQ"
    "pgzGkNXVtT1WR9dDdlSZl1XXi5XljcoKh5V+TY/sbXPH9XB2F928S1qbmFbTcIn4tgBzf2"
    "yZeIow2WBnM9qlwYoZA48VCjZdMHYdaOgQ0435gQwEwdkDfapp3NuM5axYMJn8sznZrKP+"
    "aKDhw/dsCKZBd2uPPXJOn6n7Lib7/s4DNskH8yDcw7NhHezptHVUmmN1JV2kIz6QiELV6m"
    "hkrY4VEwtHNSwplJCganW8LrhzuKCFy7P4ivPtYyQbZdw3Deptp9yrLAjxrO9uFkR6Z5fh"
    "e5pW5UE0OQ+CiteIKh4eeuGwOmcDSxNuLRei98OjbwcSeKhfMP0B7wVnjO0R2del1lUd+h"
    "j92GvRnpfRkF9Hm4s8RhxNLuZMEmtxMd9VrUHoysK4TQujkgTeoiSgKph3jescsSDroXzF"
    "DIjXXURr1mTZ/xLIRu07aCaoJdOUZTNocBYdcieRDZEm3Tgfoj1aS6l0iACvQNjWpZKos5"
    "Tdy6M+LFJRRVxQJWNehBNOoIjY/BW1377tK6adjX3T8kwb79Hn1aaIbcMiJqGYxbQQm+qj"
    "jrsgs+JbqCOVD/S5iHq7pJ21cPUvFBq1SmFWRzxvNygqPMeYo/OvTjgWq/zuqk29aeexfH"
    "PsQc/HcVeli3RkfiM6B8u1C+eHtFdSWQqUpUDpjMpS8Oa5XshSsFyEiwcWRBRbPALk5vyf"
    "X8mrnp9txx1w8KGA+H+QZlus4N+H7Kln4dZWpi5ZglT545rzOWVXURcR9ckoZ8HI0CoTRv"
    "x7y5owAsBKflQJUvVRNfmjIhOfqpSafNnfLGX3TFV1VahVcfN1pOKnNFw5fEXkpbBu2qRW"
    "KQrtSFHInc8VIHwZ66pdU7goxqLPeIPUZ5W4+2o2V1HVzySe62yv26r7GT5NU2bVbZtVVe"
    "3EOuSpLR8E0rAdJ6kJHBVSBI5y9IAjzvGUJhYXqc3RvJJk3QO7ehvhynlaRuuK0amlQlgF"
    "TZNVuBiRgrWomhUCVoEasHJbtwzh4lpAfEKu17WS5eGrUGM7JuunAc6si01Kub9xfI+85I"
    "1v8ZWH2O187SFoqLlRS5Wx0aalNE9hUHEYYujb6ZFXcRhvketF4jBUYkHtiQWOK2d8iZNs"
    "T/Q/2G9LzWNaRecbZ9KeOI6FoM0HdUWUgnRMqOrCNBIKtutmPxmNLhOrz8lFqu7L1dcvJ+"
    "c3OwepgAfuiTZS6QNRe5U+kGBAFQU1VCZHY1hBC3fZ3MQMMTviNIollbOEDJO8VODT1GkY"
    "m2vy3JJi/gg7UMyqlVkumpD/SrMqRq4YVTmj6H1oEegNpM1d9Gi+yH1UInrFqspZFZSWlN"
    "HkVhQd1OWqd5LFQmakvoE0nZr7lc/9b8g2HMmI0QSNCmNc618L8KrAAfTLsqN24VvU+ZOY"
    "WNKBdVvw/Nwij/4X8J7v/Vk26RfxAOF46/WFlwEmjS1ESxmDHdMAB7ufWAXiJ9sZY3oEAS"
    "tHHPQNyHpu2oiVMaaXLfMR6QuyPnCqL1fXr/JHNcsfRXd2PLdMj7PxCsFNEm3PjnrYaJBj"
    "pj2KjbBiQp4pNUWp7KnF7alQ19GcbZDazLR9j4e9cEbzibfoIRi0xUOwPM1XKsE4SbXFJO"
    "Ph5eXo17qE8foTjFk00TN5Q+dZM+BCZkrzibe4WLdlRs9N/cmfa1OHtJXEmEe6PYSPWwKw"
    "in4QQ92t6IeMkvs62lh0AF+Po4Yt7/Xz9C8cb1Vv8k78gMvYqW1KBdpaSB50XZOXRyoWZ2"
    "IkHUyCKJp6npd5nimWSJo9UYuG7c/GcmBzSLsHei0BUnQVm5faeJOUauNtysZbJNiUbGbm"
    "N+SW4nuaVtVQaY6EleV0RnSQ89OIyFVO1HqfTVZqy+Au7b5Jn03eQtSLenJEU082m6fSYg"
    "nq3O7yqpaoYEIa0/Uq17aKJixVPKVuqZIJLdycVJb51tx50cokhW2KSiG7XqiKW902lKXi"
    "Zr6WgVxUhkpNMJVsXjnCjU42D4O9ODLXKgxMLG2tYs5Ucnmrls880Uoll4uh7669T7lXu8"
    "Z1kXs1kShH1nQpl1XYXh0ImPKbqAMBt+2WUknmWwuKfEbjqeM8ab5ryczoFFkn3a0FJ3bu"
    "zM5M7Qg4jIhEJXV2e5ayk6hXs5pIxBnFlp25qT0hXnyfjJNgODeJktw+Tgi9A7kOxQ3BKu"
    "HRaiNs8XptmxbsTtaI6yBY0UIXhhpwawnIIPZr0N9Z0F2Xvsw6rUdp1DhmJA6wYntSiquL"
    "Qpal3shGANEzVMGj4wKH/IoVIPgEIAjMVO8wCPv/6lqAtITRb4D98arHFNwVd39v76AX8j"
    "rWgnUVZr15zw4wMcDI290DZ8s5TW+zVnTZA56TfjqALiJEtndvmzYwjaBhHyCoTwF89CgR"
    "6Z1SjREZPQKmR0aj6wgZiLYmkJoW+Yu+2cRxjILZdfEjOm304hHd30OzOf0/OK9zGcyQPM"
    "pTGfK2aciLviKuxynvZKQEmVL116r6bHWQgXhJ0EFlv3p4x47B8fPfkXVHkCYWtu8EuHnG"
    "xvPf7hIafqZUw9LWeDm6+hw1T9dvSLmp23Hs5/X51dnF1efeVqZ09Tl54X4plVwaI9leGE"
    "Bb0u8siD3NRXhOHoM00SQWgisiV3VHBFAj1+UVGxGvEkmq7lml6jprMS1eZyDPd85xyFU0"
    "fnMcclk/rPK+iz+4dvphlff9LXK9iPed2rUQNdl5ZJWW2UwzhFvbT2Ol6kIDHzPe4T2m0u"
    "I93XddavfXoY9RbfXr6tY4X+OA44btqZWHP8dsoJIh0FlKBXAWYFVjUdVYbEzMs7jGIjem"
    "PO1/2RDd0Od0m+q1m1BzlseCQfwVIN0xf3wa22qSSiP123ImlTqph0G/LZTpm+CsjtBb77"
    "OO4VzcdR0ZXYq7sK9Ht3fU4QtB1Aerfjp1nqnXliyoyAjqpS79zdDGz9Td67jgebqg91wE"
    "niEGtmNzCrDW9ZAi/uK4R1/aE3xiTt6KM/hvg8Hh4fFg//DDx6P3x8dHH/eXIkz2Vp4sc3"
    "LxmYozCZVnvcs4nLSlLBFp2g7aItpre8ianMo7S5SfpJBCJu0iUd4Rae+I4bvB2Q0zmQmc"
    "olJJ1ZzZmxs8JEY2N3bo7SKbY1OIS0bV6L0SQaxNw7qoYpaaZ03KqOYZH8Q6RtpGsV7BSN"
    "tKChzoYIPh9QV4QotVjOqnIKR1eeyC58xNHVMdgI4T9wHWnTkyAJHz2RENaEHjU3cg6ers"
    "y8VVRreo4Rn3NuuN9ULUFKaLf08Ul+vhzd3V+Q0I75rkAeHZfe8wvf/L+dXZKHHbebbBs+"
    "M+7arDIxoYpqo83mLo2+n7VB7vt8j1Ih5vyQzSTTJHG8fVraSOyqeMbpgq2niYq888D+SY"
    "LMY5Rz0vKbZ/uODrmMPqOUIzyL2VU0mTREojXa+RhohVoJAWTnNuGsJF9dDk5CrvIlRprK"
    "/pGRwS5PVpj6Olh3f6eYo5XLVRRdDatAT2c5RS8vVgyeOaYyRdlKSOjopIUkdHYkmK3ktv"
    "6HMZhMPmHUS3ltNSWHwwLzFVLKjGSJSkKimpSpSTqX4z++v/AUIKPOs="
)
