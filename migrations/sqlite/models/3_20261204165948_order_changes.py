from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "order_edit_record" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_edit__order_i_04bf5d" UNIQUE ("order_id", "key")
) /* One `editOrder` per (order, key): the same key with the same edit changes nothing */;
        CREATE TABLE IF NOT EXISTS "order_tag" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "tag" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_tag_tag_c85ea7" UNIQUE ("tag", "order_id")
) /* One tag of an order, for the `tags` filter (the order's `tags` column is what is read). */;
        ALTER TABLE "order" ADD "metadata" JSON;
        ALTER TABLE "order" ADD "note" VARCHAR(5000);
        ALTER TABLE "order" ADD "tags" JSON;
        CREATE INDEX "idx_fulfillment_assigne_5c4262" ON "fulfillment_order" ("assigned_at", "id");
        CREATE INDEX "idx_fulfillment_locatio_9b3e4b" ON "fulfillment_order" ("location_id", "accept_by", "id");
        CREATE INDEX "idx_fulfillment_vendor__a7b8e4" ON "fulfillment_order" ("vendor_id", "accept_by", "id");
        CREATE INDEX "idx_fulfillment_accept__9562f2" ON "fulfillment_order" ("accept_by", "id");
        CREATE INDEX "idx_order_channel_4e2a86" ON "order" ("channel", "updated_at", "id");
        CREATE INDEX "idx_order_updated_7f3a25" ON "order" ("updated_at", "id");
        CREATE INDEX "idx_order_deliver_af2347" ON "order" ("delivery_method", "created_at");
        CREATE INDEX "idx_order_hold_release_418a7b" ON "order_hold" ("released_at", "order_id");
        CREATE INDEX "idx_order_line_sku_7c1c51" ON "order_line" ("sku", "order_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_order_line_sku_7c1c51";
        DROP INDEX IF EXISTS "idx_order_hold_release_418a7b";
        DROP INDEX IF EXISTS "idx_order_deliver_af2347";
        DROP INDEX IF EXISTS "idx_order_updated_7f3a25";
        DROP INDEX IF EXISTS "idx_order_channel_4e2a86";
        DROP INDEX IF EXISTS "idx_fulfillment_accept__9562f2";
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__a7b8e4";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_9b3e4b";
        DROP INDEX IF EXISTS "idx_fulfillment_assigne_5c4262";
        ALTER TABLE "order" DROP COLUMN "metadata";
        ALTER TABLE "order" DROP COLUMN "note";
        ALTER TABLE "order" DROP COLUMN "tags";
        DROP TABLE IF EXISTS "order_edit_record";
        DROP TABLE IF EXISTS "order_tag";"""


MODELS_STATE = (
    "eJztXX1zo7bW/yoa/9PsM7k7iZPsbredzjiJt81tNs5Nsm2fu+kQDErMEwwuiGQ99/a7Px"
    "IvBoTACIMD5Mx0ZhvQEfh3xNF5138Gc1vHpvt2tDB+xcvBR/SfgaXOMf0f7s4uGqiLRXyd"
    "XSDq1PSHqgtDeQwHTV3iqBqhl+9V08X0ko5dzTEWxLAtNnhkodHlGaLj36KJZS6Riq5/Gf"
    "1jePQOzVR3hux7ZBAXuVhzMEEG/T9iO1h/y2bXbY1Ob1gPm0x0a91aNzMc3Ziplo51ZHv+"
    "mDt77io/LrypaWiKof+k/OjQ+/b8p7sf0N3q8h26NyzdRWSGby3Hft5l/xc8deHYT9i/gx"
    "zsEv+1Pcv4y8MKsR8wve7Ql//6J71Mp8DfsBv9uXhU7g1s6ikuGDqbwL+ukOXCv3ZmkU/+"
    "QIbIVNFs05tb8eDFksxsazXasAi7+oAt7KgEs+mJ4zHGWJ5phiyMeBW8aTwkeMUEjY7vVc"
    "9k7GXUwQvE1waKcjG5Ua7HN4oyyLA+okgwMbyk2RZbNvRVXf/XP7BX+Mdw//D94YeDd4cf"
    "6BD/NVdX3v8dPDoGJiD04bm4Gfzt31eJGozwMY5BpXxnSCgqyYJ7Su8QY47FCKcpOaT1kP"
    "Rt9D887hHKRcBHF2Lk4+9oG9DTH6izrylkeQHON2efx9c3o8+X7HFz1/3L9PEb3YzZnaF/"
    "dcld3Xn3hl23qYgIRMdqEvT72c0viP2J/j25GPvw2i55cPwnxuNu/j1g76R6xFYs+1lR9c"
    "TqjK5GqNGRMde9hV6R62lK4HpbuB5hlGB7+PYx11cyO8v0k5nqiBmeIuL4TXGrwuGXFahz"
    "9ZtiYuuBzOifB8MC/v42ujr5ZXS1czDkeHYR3hn6t/5OgRxspQrbAGVg5sjqAfqlP6UU1O"
    "8OS0D97jAXanYrDbX/rwTG0fgegjvc2yuBLh2VC69/L42vY5tS+Ebje4jv/rsS8O7zsj1G"
    "l91Kg2vamsreiUpWNwvyP68nF2KQeTp+CzY0gv6LTMPNqLp1gT748d6zNPYOaOoZJjEs9y"
    "173k+DhlhRAD3DKbX7RpDvfB79wXPj5HxyzG+rbIJjjjUatYMsbMos/QRJpdUf7oDtXPz1"
    "S24HP9mPlfTPNGUN+mfLkO+uupm1MkzVJYrnVuIzTwucbjOnn7Cl247Qssj10KRo1jtq2s"
    "/QOlw1zPl1/yj01AR4ZQH+ZDvYeLB+xUsf5zP6TqqliRSx0I3522qibuH7d7SCoqvxKzrq"
    "88phmF5Y9OfTH42JD8AVXehXZycUaIbzVNUen1VHV3IAf8bTmW0/Kq43Xb2vQFU7Dqf59O"
    "sVNn3VLB/634MprxMzdlA1zmOEj6o9tBNopnDO3poP5/wV1VIf/J/Ens2eFEJ3wha1GQB8"
    "hSkOLhkIfPSiYbtFDnstQaA4CYq13vvwURQpRDlDXKSie8+8N0xzji2CbEfHznf0quvSzx"
    "NjpJrMtbREqqbhBWU2vfMYeMejIRm/fv2PuLXuDcclH/2LwZxUXiyZgx47T5TCs4hhhj57"
    "HwwWCljNt+PQj0ml2/Ib+nA64v+wRsKAxHrP/tdB4uUV/+UZIX0+8dzBn+D436bjP0Rdws"
    "aJKbZn4FOR/a8vVGqPT5syLpu28+kH6QZSvrQbZUUBjpQSAM+x69ItQwbhBEn/rPX9vVK+"
    "QDYsH+U9gTcw2A6oRTZdyi3nNF0PF/VBKcQPCgA/KMK7ipckTdvDOF2fzGfVcp+xU4nTHC"
    "m4STrBZzkJypH1b8tqRH4GqCkV1IMsZf8gb0pLyFh4ck7BPPJK/sG2bVkNOwiFxvWGvsJP"
    "8ZyTaMqOoV7WbZi39FIexJPR9cnodFzOgWgaFt7QYShwZ53TWXvEhm07DX34yjkOI6TlnI"
    "eKGZGt9SDerHxwqvuIdXRvO8i26H846+ZDbNps5m+1KQS+uq+DhPMz+y34P+pPSNV9QY/d"
    "X55qEYMIVMdcaJMksIWuMC5SV9hC31RnScwBqAtQjySlFMxpIsB1vUKYFOibqYE5UbWOwV"
    "1WE0yvNLH+t16INKB990z1W6+BJwSprBrepFqZsYoE+qTIcspXJIW223oFcmLFkd3vXOTO"
    "VAezYi+m/vnTfET4G53BXAaX7lGUPopUS0dBpoRfD4ZJVresffYyIeJoimRkeBd9TaS/JK"
    "/GMckgRM1cZP6N8L0jvyhdQ8Hl1ajExeQjhQPiZ2dugwoM1WqtELIdrVuCarXXyPUy1Wod"
    "SVCZXI4vBk1xt+ncFNsj9PlKhRyVDGUPw/rDcjGSYVGMZCiIkXC6iVS4N03aQ4nWXQkmiP"
    "dG3BJ9XIzRa5gs/LJSTO4XgxnT+G8lqXBLfSlJQkiLaPVnEmYXV5GHaVLgc5v5vFC1akV/"
    "KULgcZt57M6MxaISk9OUwOU2czkq/KiUmpoiBT63n89V7EOesH8ZdPW3jglBq5CxmKXsH9"
    "5NZSyGOTzVvMocLUizNkuzROsUidgMRwWV6tl8jgqJvpDcuwZTaKnQfIJMXVnSfU+NXp8O"
    "LRKzNQB7npiqWyu3LLTc7pLTriIrGGoAF/qAlEvjFyV515/W3yPxkZYGmxdB9DwNLuM/Yz"
    "90Q8iuw2n6BNM2M/ryqkTylqJEZl/5+pB8yKCLervy0qA0o34DKIoHVMBWRLo9jPc6AnDs"
    "vKoAsZgYQF5fYAT10M26oeQLuKBoC6rNX77Wpax7pdYKoz7aUzzUG5cS5bgCoLz/pa22Mx"
    "3PFzbBlra8whrl80BgsmUH7RbZa0Y8XHHi8aVKse4Wpqph/5u6QwvsoJ2wL/wuO5rrTdB0"
    "06Wvx/5EDiaeY7nxRX+hisuwaptZWPmf6F7Pzi6DMn+ocWqlkOlotQvUOL1GrgtSEjLe3h"
    "c4aaR13G34qJHwMM6y8IbDewhtM0dEha0SZI874+l6iHf9SxnSbCAjpFU2dfs6c5xZT9gi"
    "trM8x/oDdsYWcYRHOQvH7RbahREF/cIZSbsieMfGw2sxvL4fDg8O3g/3Dt59ODp8//7ow9"
    "5KBmRvFQmD47OfmTxIid/15hnFkB2TzZY8UWUkMU8HsZJsW7DgDBJpbLOEAG4WXDiHotHq"
    "DboPiNLyCtpMRwT9q9VoyNa4xw4O1a7yizhBBECXAtqyidy5yuH4/sF7VAreowJ4jwQFR+"
    "Dg7Zmrr4yD18RP2JSsPEqQgPG+3nj38arBeE8Yh+GEHcO5dPFBYoFJJ8hvyYxnHCg24EMe"
    "lTPdo8Fr47nXxNYeo26XC8fWPY0glfh/RkUb2VhtKapb69a6C+3BO79V5l1kwdzRkeYS0d"
    "d0EPP0P2AUuQjQs0FmdDSlFXkv7pCmOs6SHRW5Cvv65pC7i1wbYVWbIf/nI/yXR38yG3Vr"
    "ud6cvS3rHx+4NfKDxMmynvCXQaQYIsXtlIA9ViQgUtw3rpeJFIfbhbzDEbxhRa7GCk5GAF"
    "RYraHeY7JUXKb/SIDKkwGwPLAv17SiddK9ZmRDJVYO2DQR4FrCKn+RdgBtA7m5fgCRLbY5"
    "vJfxTD1FN/31btATIM4BqJ78n5eD0BPsG838X0kCgWsoKSXynUKpQz9ak8cBPhHwiYB1DD"
    "6RV8/1Mj4ROpJO5ir+3xm+FyRecHT9i1s3khYQwcbqHver4L0iBMClAR9WBXwIgEsDrgl7"
    "YazHWxO3wegB3Ptle+8Wtd7Ng9vBD0L/wHrAY0qAXApythOrJkVUr7RzcuT9A39YTroUCJ"
    "dc2WJ7kaEvLV5i0h4iXgbwfLxzFzqFqdoSjwj7B/VhmcV9mL+4DzOLm7m6iCeSJZ9MW82L"
    "USSIOJDvGVX3YC6A9XTy5fh8jC6vxidn12eTi7Qx5d9kl+gFI/JHjs4zoSDroQLMSSrAuQ"
    "TOsrviRttgy9xzDZewyprqG5norXPFNG/BPBqiHJGCcndDmCHSB3zrPy5V1YjxJFi+x7Zt"
    "YtXKrfIJiTiMp5SqKZAjkbFd2Xs8mZynXIfHZ1x55cWXz8djivqbtAwWN/90g8ZoohZbRY"
    "DzpAB7edgXhvboLRRsMRREZcZFwGeJtwj96kp3sXcM25Frwpok2V4qyv5eV3KndNUwl4qm"
    "LlSxRy8X2CwhnKaSk+hTJlsi0+yy5gMBuseK3KSJ5PLl6lY2BK23VU2iHayOVdbnpeVgDR"
    "usY0LYKnIzpK78SXoEVZOpS8GyEuQtrdZbftLSqj3R+vq1EdI8l9hz7ATdP3/wy8LuIvfm"
    "/9yhYLtzkergoGSMdc1n9WPhmGx1W01zrs+ZSrUkTSTm0GFfqXGqEs8V3Ukncxh6cDUxlX"
    "gAhZl+C1TMzun72Do/MyRwQQJXK8RVR1N5IIHrNXIdErha5xyGBC5I4HodgEMCFyRw9Rty"
    "SOCCBK6WIQ4JXJDABYlFkMD18jhb3nwqqs4tyDNaUdQiLVqUw1V/o1s4tKTxNDn8jWDHUs"
    "X9IvNh5sj6t/E1YjTG8YSyOMcU21vNg8vxxenZxc+D7QBdZkkP85f0MLOko8iRgueqISc8"
    "MpQ9lCEHpQyWgwKL5SBrsqyQk3WwZghBlJQSJTPVVaKQpxIaIlncC7Po8qaAXDqJXDpBRL"
    "fs0heQ9lDc1J8crXkO67Mv5RdJ0vQQ5IMyEj1fnmf0FG9KbKIK9s5TrBlz1cxRVhJkfHg0"
    "oHsb0ncQ8CJDkhqQn0fnO/uHu0NOYCRdJNwq9g9kVuQPS8kQ9m/HbEBmBMdfV8v24GhriP"
    "y3DP3uBvqz+R3hrlqJ0zwtcLrNnIbDYxKHx5Q8Pabw+JjMHkXUB4FR8c/ryYUY4Wg8/90Y"
    "GkH/Rabh9suBzIBIfSwRmjufR3/wQJ+cT475r4BNcMxhTo0BlaUsyuCepAHsq2MfpvRXa4"
    "QsJoZqnrVtezngBBGrBrv3tgzqvDqBXb69rHCxbdBmtgWFUy21+NZUTul4vqCKhaUtqUmm"
    "Ueg2LZ6KJ7zy5+srclg3SD2Q+QtsTKfrOWCsqq4WqNhEfUVpZpu1rKdfbLO3K4kl+9aB0b"
    "lhdbHOoRRG1JZRHPu5Dphu1Ie+orTdos5OQvSMpzPbflRC55Kx6Zf3ezDfaRg96o+O23wt"
    "bEJHyKuKTasRa+pjlYQO4w9fWys7sTC6Y1T+w+7QAjtox59rFz3i5ZuP8ZGK9M/gIMbVFU"
    "YXntXoIssmM4YyB3n9T7iliFIu/RCdCmn7R0Sykbvo7HT8+XJyM744+V/lZHLx6ZzaG/nn"
    "Oq5qiumD4UBHqH1tp1DvaBUk1L6+Rq4LAiUZBYRJ2wy7Cxr14b5mSTSSiOVg+ktdosxUdy"
    "YDM0/XQ7zrz1YOtC4pjSBJAoforffGr5S0DX3wffP67nIe+OS6SvndT0bXJ6PT8UsdaJ/w"
    "8OXaOJH/b615sxq41rC5oSaET/Sdi5gKwFxMu8g26TCC7g3HJW/RhX/YfKhK7CLL/zMATs"
    "+2AKplxpoPTTs2Hl6L6fH9cHhw8H64d/Duw9Hh+/dHH/ZWgiZ7q0jiHJ/9zIROSsavN1B8"
    "ACW202g8bKMlttE5dl0qPWTwTZD0EOJhuQSaYVECzVCQQENFpi1VHbgi6F+SUiPat2ymDG"
    "TJbJ4lA76j/BXfTS9CGd8RmF5geoHptd708vMG8iyvKKlgneE1i8Y1eVz0VyqtTKy6K4Ec"
    "rD/oQrrVSIx8AdCGlT9t++qbbiIBZQKJNmEl+4QVNgoDK2fbVg5o3Pno91fj5nZnGbZzpF"
    "DH1p7wbAGfp1JxWo4MRGkpUQpmLJixYMauN2P91O48MzbK+15nxprRuGbNWPfRA/P1hcxX"
    "uhka4qq9/ELJBAnIU9GRlMF6LqsIhMN76AyoP/L5l6daRO6EviQJLFfBcqW/iygLx9AEbp"
    "bCfkFpQugYhJPLOtsxSDX9cl+q8VdYxWLi7a3nrhzkyVQoX5GoBnMeOQAtOnd5UQ1kESkA"
    "nNOZsBrEYmIAmQc57g1WAWQxMYDMgxwUmVbDWEgLEPMQg1usfkwXjq17GpHsIpQiAlzB3b"
    "g9d6Ng8daA62U8U0+RTX+zNTVhqqFHB9+Dqc/tOoJ9vg7Ugm4UfcaK2U91rbHrcK6+4dV4"
    "gIU1hcmLr4QNY9aFV0g4rFTXCToY2fdItVDYDOLedoJD1VnXzjtEJQVhrSJIouwqvBVoJ8"
    "hw0fNMJexflnTxJluy1eBzhA0lQgASgR9oKPFCcaCQFaXLtYLhELOAomewIV4e3s6nLHhk"
    "an/Lr3pO3C7eV/2BMnXPIwv5o9GzYxCC6e5lxe2UKK3lUnI6Fqmufz1oroQMQve2he0QN7"
    "uLbj7lrXVrsfJph6pvS7TwpqbhzrBLN9j5nE2pI9bZDhGb0RsOmjq2qmuqyzbmO/oiWJ3f"
    "saca+q3ls5xu5zqii3++oJt1NB/LLrz7wX8FQ2e7NfEfuWDP1DzHpfv+zp1r0A/mLncPz+"
    "Zy+E9no+kqo3e/DpKPi65D0XYri7Zj5pXOXVhRgCpQQhWAqvgGwV2oS5PKwSy++eXECZKN"
    "KorbBjWUFLeGFT0ucOB3dhm+87RQ4tC2EoeMufUypkEUfhCYBYnIRL5JkAiENJrGDO6qbb"
    "qrYMN5jRsO9D/tG9cFu0823PWC6fQvK0QbNphkz/re6Ijv1n0wzdcq+qnxijq3PUsksIpS"
    "63nSjZPru6McV8qtD/CqcrJ0lrJ/lbg1Hy/9IsdKVpIfgx/vPStwtk89wySG5b5lz/tpsP"
    "11XZvjRcIwS1ghFgtJ2M6Sroqn0EaqnjVyFs12zibroPQvlWcTF8HCYUvbzbAJTxQS2Pzx"
    "WUP5Jr8TjwGLf2s7Dlj8YPuBxQ9cr8PiJyrxBHtuURw6otiecTq4Gv/rC/2p49OmtEmu/d"
    "u7Emr8Ps+2ROu3d9mzTzRsPFXsUJUihfBNez6nrBR1MDWD9GqeiAwtuCKS31vWFREAVvGj"
    "SpHCR9Xmj4oufGYaKvINYLOU/XM5NdWrFJKpm6jPDvdyv8UIfRk5fPPIK2HdtkUNeevdyF"
    "svXM81IHyemKpbS7gsxnmf8Qb1sFDN+WK+07z+j2k81/lQt9MBEhyp23SkQgu9JjSoLR8C"
    "0bI9Jq37H5VS/Y8KNP8jwUlhhpvfq7TA1kqT9Q/s+r2Ccdizip2VoANRkdsMS5E1sXwigL"
    "WsYRUCVoPiHwecO4Zweb0/uSDXW1fp1uB1GK490+55gDNysU2V11e2R+iPvPJMsbmQuF1s"
    "LwQDFScaCQZDl0RpkcEAmRf50HczBg+ZF6+R62UyL6AkoPGSANuRc74kSban+u/vdaX1LW"
    "um8iRYtMe2bWLVEoMaE3GQTilVU5hGSsF2A+vHk8l5Svocn3GNQS6+fD4eX+3scykOwoNN"
    "pBL/o/GQ+J9iQB0dF6AGozWsYP2bLGFJRT47kjTAktpZQl+T/qggiqmxxDXHEAUi8/mTOw"
    "Ewq1FmOfiB/lOZVQlyYFTtjGL3VZNCr2Nl4eB745vcR5VHD6yqnVVBh0EZSy6m6KEtV3+Q"
    "LJEkI/UN8HSw9mtf+0/Y0m3JHNEUDSQuro2vBXjVEAD6bTVRt/AtG/xJLSzpVLotRH6uMW"
    "H/BLwXR39WQ3bLRIDc5Oj1/XeRSwebmHW0RTuGjvbffPQb0T5a9tRlnej9rrTB3IjKc8PC"
    "fjdbdtk07rG2pPJB0IS3vnkhHtWueBTb2d2FaRDBxpsLbppoe37Ug1aDnHDtMWxyex0UuV"
    "I5SvCnlvenqpqGF/4GqcwNyyMi7HNXtJh4ixGCYVciBKtDXaVKitNUWywrHp2fT35vShlv"
    "vqTYzyZ6pr/QflZ0dSmzpMXEWxTWXVnREJzPh7pfwXmJZk9NGgvRMWEDgZWwuldoHrjJUZ"
    "Ac1hdlXFMdxxDVMOZvrAmSHqbjly17Lqp6zjTco8MemW1tefOpHNgC0v6B3kiqTnRKvfwe"
    "m6aEPbYte2yZtEe6bxlP2KnEd54W+ne0R5nKcjp5WG+FrhJ55FCdsz56kMGuhkACf1hyB1"
    "EvG1PIW3qydSW1FurDQcLVraq8Yn0e0/XWFRTs98/EgoL9+h1oUOPcaDApkkZS2HJUgOx6"
    "RSrpVNtQf0p68ToGclm9iVtgUOpcO8KtLnUOU40EelachJSvYcUZT6BadUp8FqlWUNqcD3"
    "1/fXwQPe0b1/Oip6kyLSrTpcJU4Xg4SI6LlcBBctsORUGJ89ZS8p7xdGbbj4rnmDIrmiPr"
    "ZYi15MIuXNmZpR0B52KqUQn24/WQx5S9RL0eaSKRRpQQOwtDecSiDD6ZwMBoYVAjuXucyI"
    "0IFAYRNwSrQhSri7Alu4Vt2iA63aGsh2BFgi5MLxBWsssg9nsw32kwXZ++zCa9RzxqAjeS"
    "ANh8fxLH1WUpz9JgYmGE2dmb6N52kE3/SpS/f0QqCtxU37konP+LYyI6Uo3+Rq43jWfk4K"
    "55+ltrB3+jP8dc+lOFNVfk2UaGi1xM3rxFp6s1zW77o5jYQ8Tmn45UB1Mii9xahoUMPRi4"
    "i7CqzZB6TxgRnZ1RTTF9e4wMQt9G0zDWMRtNITVM+n/slz3Ytl6ytutr4mwxC38j1PYneL"
    "5g/w7o0K/xGQ7xOEMf/AmOvG068qKvSBhxKjqJJ0UGpv5aU9+XDjIQrwh6aOzXD+/U1gVx"
    "/hsqd3KKlMLxvQC3yNk4/uMmZeFnGgWsfI3nk4ufo+F89wAuTN2NYyYvxxenZxc/D7aypO"
    "uvCAv3S6nSxgTJ9tIAulL8ZaouURzsLuhjsJK3iHPBzSOHrhc5UGPHEbW6yJcSaar+eaWa"
    "OtuPV68zkBcH5wTkkIHfnoBcNg4L0ff8D66bcViIvr9GrpeJvr/Eua0tE921Z9kmXG2Smb"
    "ZZSgA4CzA0koNGcq1Jrc1vJCdMXebd/BuiG4Y2rrlZ+wm1QDyWzBWvAemehX15bOupV4ys"
    "PNN+qDUWOgrm7aDq2IaYaITe+tBoAufyEdLIti8fKb2cXN+wuKKKojn8Fo8z+5kFB6lAxX"
    "rQFHIV1lQt95lFFW0HPc+W7J6D0bPqIsu2BF0mm3pImbBkMnAsHXA8Nh5eS8zx++Hw4OD9"
    "cO/g3Yejw/fvjz7srVSY7K0iXeb47GemzuwmLaj1kclw0VYyeHnaHpq83TVxs56N6j55cM"
    "eXMsikPfHghJd2wuueEzSon8ssYI4KancFq7cwRyUf2cIUldeLbIFPIakZ1WP3SuRKtg3r"
    "soYZt87aVLgrcj7k2xi8j2K9gcH7Skp0rbfQ6PIMPeJlnAr5McicXPWWJ/bC0FxmA7D3dH"
    "eRq9kLrCOq5/t96PGSpUHuqHSq089nFxnbooFn3Fr+bP4s1EzxbfEfqOFyObq6uRhfofCu"
    "QR8QHlD2ncvu/za+OJ2kbtvPFnq2ncc30CG/hdmQEFjNh76bITYIrL5GrpcJrEoWKm5SoN"
    "g6rm6lQlG+MnHDisTWw1x/gXOgx2QxLjjPdkWx/RPUXsYd1sw5gUGJp5xJmiYCi3S9RRoi"
    "VoNBWrqatm0Il7VD04ureogQqiVfMjI4oshrs4HASg/v7BYZ5mo8BnptdUkE7hYYpfTrcS"
    "XPpE2Q9FGTOjoqo0kdHeVrUuwev6EvZBAOh/cQ3UYO4qBPJML6x3xFNUECmqqkpirRtaT+"
    "zezv/wcaXqrR"
)
