from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "order_tag" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "tag" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_tag_tag_c85ea7" UNIQUE ("tag", "order_id")
);
COMMENT ON TABLE "order_tag" IS 'One tag of an order, for the `tags` filter (the order''s `tags` column is what is read).';
        ALTER TABLE "order" ADD "tags" JSONB;
        ALTER TABLE "order" ADD "note" VARCHAR(5000);
        ALTER TABLE "order" ADD "metadata" JSONB;
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_accept__9562f2" ON "fulfillment_order" ("accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_vendor__a7b8e4" ON "fulfillment_order" ("vendor_id", "accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_locatio_9b3e4b" ON "fulfillment_order" ("location_id", "accept_by", "id");
        CREATE INDEX IF NOT EXISTS "idx_fulfillment_assigne_5c4262" ON "fulfillment_order" ("assigned_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_deliver_af2347" ON "order" ("delivery_method", "created_at");
        CREATE INDEX IF NOT EXISTS "idx_order_updated_7f3a25" ON "order" ("updated_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_channel_4e2a86" ON "order" ("channel", "updated_at", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_hold_release_418a7b" ON "order_hold" ("released_at", "order_id");
        CREATE INDEX IF NOT EXISTS "idx_order_line_sku_7c1c51" ON "order_line" ("sku", "order_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_fulfillment_assigne_5c4262";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_9b3e4b";
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__a7b8e4";
        DROP INDEX IF EXISTS "idx_fulfillment_accept__9562f2";
        DROP INDEX IF EXISTS "idx_order_line_sku_7c1c51";
        DROP INDEX IF EXISTS "idx_order_hold_release_418a7b";
        DROP INDEX IF EXISTS "idx_order_channel_4e2a86";
        DROP INDEX IF EXISTS "idx_order_updated_7f3a25";
        DROP INDEX IF EXISTS "idx_order_deliver_af2347";
        ALTER TABLE "order" DROP COLUMN "tags";
        ALTER TABLE "order" DROP COLUMN "note";
        ALTER TABLE "order" DROP COLUMN "metadata";
        DROP TABLE IF EXISTS "order_tag";"""


MODELS_STATE = (
    "eJztXW1zm0i2/itd+jLOLW/Klu04Mzs1VZLjZLzjWLm256U2mcII2hLXCBRo7Kh2899vN+"
    "803QgQyAifT4mhT4Oeczjd57X/M1jYOjbd16Ol8RteDX5C/xlY6gLT/3B39tFAXS6T6+wC"
    "UaemP1RdGspDOGjqEkfVCL18r5ouppd07GqOsSSGbbHBIwuNPl0gOv41mljmCqno5tfRP4"
    "Ynb9BcdefIvkcGcZGLNQcTZND/EdvB+ms2u25rdHrDmm0y0Rfri3U7x9GNuWrpWEe254+5"
    "sxeu8vPSm5qGphj6L8rPDr1vL365+ye6iy/foXvD0l1E5viL5dhP++x/wVOXjv2I/TvIwS"
    "7xX9uzjK8eVog9w/S6Q1/+89/0Mp0Cf8Nu9OfyQbk3sKlnuGDobAL/ukJWS//ahUXe+wMZ"
    "IlNFs01vYSWDlysyt614tGERdnWGLeyoBLPpieMxxlieaYYsjHgVvGkyJHjFFI2O71XPZO"
    "xl1MELJNcGinI1uVVuzm8VZZBjfUSRYmJ4SbMtJjb0VV3/18/YK/xjeHh8evz26M3xWzrE"
    "f834yun34NEJMAGhD8/V7eC7f18lajDCxzgBlfKdIaGoJA/uO3qHGAssRjhLySGth6Svo/"
    "/wuEcoFwEfXUiQT76jbUBPf6DOvqaQ5QU43158PL+5HX38xB63cN2vpo/f6Pac3Rn6V1fc"
    "1b03r9h1m6qIQHXEk6A/L25/RexP9O/J1bkPr+2SmeM/MRl3++8BeyfVI7Zi2U+KqqekM7"
    "oaoUZHJlz3lnpNrmcpgetd4XqEUYrt4dsnXI91dp7pZ3PVETM8Q8Txm+JWh8PPq1AX6jfF"
    "xNaMzOmfR8MC/v4xuj77dXS9dzTkeHYV3hn6t75nQA6WUoUtgFVg5siaAfq5P6UM1G+OS0"
    "D95lgKNbuVhdr/twLG0fgegjs8OCiBLh0lhde/l8XXsc1K+Ebje4jv4ZsS8B7yuj1Bl93K"
    "gmvamsreiWpWNw/yv24mV2KQeTp+CTY0gv6LTMPNbXWbAn3w871naewd0NQzTGJY7mv2vF"
    "8GLbGiAHqGU2b1jSDf+zj6i+fG2eVkzC+rbIIxxxqN2kEWNquIfoqklvSHK2A3hb95ze3g"
    "R/uh1v4zS9nA/rNjyO/udjNvZZiqSxTPrcVnnhY43WVOP2JLtx2hZSH10GRo1jtqus/QJl"
    "w1zPl1/yD01AR45QF+bzvYmFm/4ZWP8wV9J9XSRBux0I35RzzRbuH7PZKg6Gryio76FDsM"
    "s4JFfz790Zj4AFxTQb++OKNAM5ynqvbwpDq6kgGc3bGHNnclHpu/tRgu+Cuqpc58fNgPYa"
    "8dIv/eM+8N01xgi0wc3fd+5pzMuTH7Re7m+2S0YsfD1zqeJxZGqutSscH4Bxe5dF+DmZPY"
    "ptf9aX5C+BudwVwFl+5RtO1EqqWjAGHfj4xJ3hvd+Ozrncaf430xG0+/AOK5Azrmc+qzSV"
    "8N/8/A0jS8JMp0FdwI3ztadqgQBZfjUamL6UcKByTPzt0GLzd4uTuhVXfU3wle7pfI9TJe"
    "7kS1l/a9xhTb81wNJp/Or9pymLTtu3Jsj9DnK1SI3GD5K+8i5Cl76CwcHpT1xha6Y3P+WG"
    "5vUkWhcaQ91Gi7q8HyC1fMLdHHxRi9hsnCLyvD5H4xmDGN/1bSG+5KX0qaELxOnf5MfFbV"
    "04dZUuBzl/m8VLV6wYIMIfC4yzx258ZyWYvJWUrgcpe57OD/w1o9jc2RAp+7z+c69iFP2L"
    "9oevMpZyFoC+y66qxaxk6Osn94H5azxg+LrPFDgTWusSibadbzKnO0oM26rM1SKVcVYjMc"
    "FUS4ozBNAqwfDKyGapqkFqRdc2s0jSmkYrSfihFH2jfMxIgD/Dsms2UzMdIfayYR42x0cz"
    "Z6dz4QqtkGgL1MTbVbklsWWm51kaS55BVDA+BC/lBR/lBKng0LC+KQ45Ds/W/X2IylVAw1"
    "nwx0Safskb7IeYDYD90Qsptwmj7BtM2cNF/ESuSlRaJYITdNMSOadQlqcsigfrhbmVVfPd"
    "UiBhGE2aTQpklgCy/Ywkce7RrYiki3h/HBjgCcuF9qQCwmBpB5kPPqv5IClpGDxpA6Utjy"
    "WsebkqIDdNdb/8Kc+w1tKlHW/46hXta8kn3Y6x0E2U1kE76XntlTPNS5z1uM8fMUw1zoeL"
    "G0Cba01TXW6KsOBFZHflChyWEkwxUnGV+qHuZuaaoa9sXiDi2xg/bCot591lfp1U9+HyOX"
    "vh77EzmYeI7lJhd9rMW1MI3NLDB+PqdLj1njqb/BHIJCky4qrR0tOYBCk5fI9TKFJs/QJq"
    "Jz3G25T0TYSbEsvOHwHkLbTn8fTH+pW71XFU/XQ7ybF2XIdYCwfKfMwg5ahNYjtojtrC6x"
    "PsPOuUUcYR9e4bj9QrswoqBfOCPpVhBqbMxeiuH143B4dHQ6PDh68/bk+PT05O1BrAPyt4"
    "qUwfjiA9MHGfW73jyjGLIex0zkiVpFE/N04O7nXdB0X42dR1wd2zwhgJsHt3oifY8LrJtP"
    "oafrgCg3So5vTNC/hPmWbI177OBw21VeiFNEAHQpoC2bVGuKG47vH7wnpeA9KYD3RFD1AQ"
    "7enrn6yjh4TfyIzYrlHykSMN7XG+8+Xg0Y7ynjMJxwx3AunQGeErBOdTnkOFBswIc8Kme6"
    "R4PXxnNviK09RC0Hl46texpBKvH/jDLn87HaUlTsyJy70B688/sV3kUWzB0daa4QfU0HMU"
    "//DKPIRYCeDDKnoymtyHtxhzTVcVb0PZKwr28OufvItRFWtTnyfz7CXz36k4PTdlxvEZ3s"
    "E7g15EHidG1F+MsgUgyR4m5qwB5vJCBS3Deul4kUh8tFdYcjeMOKXI01nIwAqLDgQL3HZK"
    "W4bP9TAVSeDIDlgX2+zgGd0+4NIxtuYqsBmyUCXEtY5c9Sk901kNsryo5ssc3h/ZTM1FN0"
    "s1/vJoXZcQ4AF4evUGYsy0HoCfatlhzHmkDgGkprCblTKHPyQmfyOMAnAj4RsI7BJ/LiuV"
    "7GJ0JH0slcpeohrjxd/+LWraQFRLCxYsDDOnjHhAB4ZcCHdQEfAuCVAdeE7RzW462JOzn0"
    "AO7Dsg1Qi/qfyuB28EzoH1gPeEIJkFeCnK3EqkkR1WutnBx5/8AfltMuBcpFqltsLzL0K6"
    "uXhLSHiJcBXI63VNApTPVEPCLsH9THZYT7WC7cxznhZq4u4ol0yXvTVmUxihQRB/I9o9o9"
    "mAtgfTf5fXx5jj5dn59d3FyEJ87HxpR/k12iF4zIHzm6zIWCrFkNmNNUgHMJnKuuihstgx"
    "1zz7VcwlrVVN/IRO+cK6Z9C+bBEOWIFJS7G8IMkT7g2/yZlapGjEeB+I5t28SqJa3yCYk4"
    "jKeUqi2QI5WxXd07nkwuM67D8QVXXnn1+8fxOUX9VVYHi/tXukFvL1Ez3yLAeVKAvTzsS0"
    "N78JYKthgKojLjIuDzxFuEPr6yu9g7hu1U6yOaJtleKsrhwa7kTumqYa4UTV2qYo+eFNg8"
    "IRxpIUn0KZMtkevX2HBP+91jhTRpIi2+XN3KhqD1tqpJtII1IWV9Fi0Ha9hgHRPCVpGbIX"
    "XtT9IjqNpMXQrESpC3FMubPGkpbk+0vn5thDTPJfYCO0H3z3/6ZWF3kXvzf+5QsNy5SHVw"
    "UDLGGr+z+rFwTL66raE51+dMZVqSphJz6LDP1DhVieeK7mSTOQw9uJqaSjyAwky/BapmF/"
    "R9bJ2fGRK4IIGrE+pqR1N5IIHrJXIdErg65xyGBC5I4HoZgEMCFyRw9RtySOCCBK6OIQ4J"
    "XJDABYlFkMD1/Dhb3mIqqs4tyDOKKRrRFh3K4Wq+0S0cWtJ6mhz+RrBjqeJ+kXKYObL+LX"
    "ytGI1JPKEszgnF9qR58On86t3F1YfBdoAuI9JDuUgPcyIdRY4UvFCNasojR9lDHXJUymA5"
    "KrBYjvImS4xcVQdrjhBUSSlVMlddJQp5KqEhkse9MItONgXk0lXIpRNEdMuKvoC0h+qm+e"
    "RozXNYn/1KfpE0TQ9BPiqj0eX6PLdP8abEJqpg7XyHNWOhmpLNSoqMD48GdK9D+h0EvMiQ"
    "pAbkx9Hl3uHx/pBTGGkXCSfFrEOWqVQ/LCVH2L8VswWd4YNm1sv24GgbiPx3DP3dDfTn8z"
    "vCVbUWp3la4HSXOQ2Hx6QOjyl5ekzh8TG5NYqoM4FR8a+byZUY4Wg8/90YGkH/Rabh9suB"
    "zIDIfCwRmnsfR3/xQJ9dTsb8V8AmGHOYU2NAZSmLVXBP0wD29bEPU/rrNUIWE0M1z9q2vR"
    "xwgohVi917Owa1rE5gn28vKxS2DdrMdqBwqqMW35rKKR0vlnRjYWkrapJpFLpNi6eSCa/9"
    "+fqKHGZFYk0UTp2zifqK0tw2N5UoH6RfbbO3ksRyV5vA6NKwdjFtvxRGdGuuOPZTEzDdqr"
    "O+orTdGsWdgaj1IsVAhcsqFWMFv6ZcUcHxwLVFi7dzHFQW/uAi5sphOmQfUSWJXYLuDccl"
    "r9GVfzheWPazjyz/z2CDpedLFhuZseEm72Nj9lLKBH8cDo+OTocHR2/enhyfnp68PYjNlP"
    "ytIntlfPGBmSz7aQtyfTGhD2AOf7kzKhrfw2BU80lKC+y6VHtUwTdF0kOIh+UcfsMih99Q"
    "4PCDk+VbTtuo6tkDr97mXj2o85ZL/G5W/Jap8w52hJU8uGkSOG9tveM27hGyobu2bw7Cfc"
    "5Zm5arjIv2bHRzNnp3/lxnnyeOIZnlFXmN1hle82hcm8dbfabaysSqGyvkQP6ga8pWu6ZU"
    "T1jaMFOpa19920UvkNaQKmsuWddcWNgMVs62rRzYccvR7++Om1udq7CdI4W8uy7n3cXMml"
    "ZKwefIQJWWUqVgxoIZC2bsejPWj93LzNgosL/OjDWjce2ase6DB+brM5mvdDE0xFmG8sTO"
    "FAnoU9ERGoE8l90IhMN76AxoPvL51VMtUu1EgTQJiKtAXOnvIsrSMTSBm6WwvjFLCBWOOC"
    "3W+QpH1fTTk+mOv4YUi4m3J8+7cvAI20L5G4l6MMvIAWjROVHLeiCLSAFgSSeFehCLiQFk"
    "HuSklrkGyGJiAJkHOcgiroexkBYg5iEGt1jzmC4dW/c0UrHqMUMEuIK7cXvuRoHwNoDrp2"
    "SmniKb/WYbKhptoAiLrxntcz1WsM43gVpQbtRnrJj91JSM3YRz9Q2v1gMsrOpPFl8JKwLX"
    "hVdIOGxtcdbEwogORvY9Uq2gqGof3dtOcAgc6zJyh6imINhBeyRVdhXeCnYnyHDR01wl7F"
    "+WdPEqX7LV4nMEcaDPgxCAVOCnbmEXxIE2jAOFrChdrhUMh5hFiZgF2GZgQ3Rkp9vZlAWP"
    "TO1v8qrn1O3iddUfWKXueWQhfzR6cgxCMF29rOD4VPoGFELVcik5HYtU17/O+unPMDIIXd"
    "uWtkNEZ7VuPOUX64vFyqcdun1boaU3NQ13jl26wC4WbEodsdYFiNiM3nDQ1LFVXVNdtjDf"
    "0RfB6uKOPdXQv1g+y+lyriMq/IslXayj+Vh24V1wkKyhs9Wa+I9csmdqnuPSdX/vzjXoB3"
    "MnXcPzuRz+09no6IzX9OOi61C03cmi7YR5pXMXYgrYCpTYCkBVfIvgLtWVSfVgHl95OXGK"
    "ZKOK4q5BDSXFnWFFjwsc+JW9Ct95Wihx6FqJQ87ceh7TIAo/CMyCVGRCbhKkAiGtpjGDu2"
    "qb7ipYcF7ighM2CqvB9SwlcL0rXBesPvlw1zOm03foOMnmDaaqZ5NtdCRZ5z6Y9msV/dR4"
    "RV2ws6cFCqsotZ4n3Ti5fnc2x7Vy6wO86pyElafsXyVuw8dhPcsxGLX0x+Dne88KnO1Tzz"
    "CJYbmv2fN+GWxfrhtzvFQwzFJWiMVCErazolLxGNpI9bNGLqLZLtlkO6j9S+XZJEWw0E17"
    "uxk2Yctogc2fNJOWm/xOMgYs/q2tOGDxg+0HFj9wvQmLfzfOhb8+/9/f6U89f9fWbrLtU0"
    "AdrGHjsWaHqgwphG+68znltaiDqRmk1/NE5GjBFZH+3vKuiACwmh9VhhQ+qi5/VFTwmWlY"
    "48TqPGX/XE5t9SqFZOo26rPDtbzeQZ8ycjjqE/LWn6X2NSeQDSDc/yNUZZ/xBvWwUM35bL"
    "5TWf/HLJ7rfKjb6QAJjtRtOlKhhV4bO6gtHwLRsTUmu/c/KbX1PynY+Z8ITgozXHmv0gJb"
    "K0vWP7Cb9womYc86dlaKDlSFtBmWUtXE8okA1rKGVQhYAxv/3p1enN/3pwVyvXWVbQ3ehO"
    "Has909D3BOL3ap8vra9gj9kdeeKTYXUreL7YVgoOJEI8Fg2CVVWmQwQOaFHPrdjMFD5sVL"
    "5HqZzAsoCWi9JMB2qjlf0iTb2/ofHuxK61vWTOVRILRj2zaxaolBTYg4SKeUqi1Mo03Bdg"
    "Pr48nkMqN9xhdcY5Cr3z+Oz6/3DrkUB+HBJpUS/6PxkPifYUATHRegBqMzrGD9myxhSYWc"
    "HWkaYEnjLKGvSX9UEMXUWOKaY4gCkXL+SCcAZrXKLAfP6D+1WZUiB0Y1zih2XzUp9DpWlg"
    "6+N75V+6hk9MCqxlkVdBisYsklFD205ZoPkqWSZCp9AzwdyH7jsv+ILd2umCOaoYHExbXx"
    "tQCvBgJAf8QT7Ra+ZYM/GcGqnEq3hcjPDSbsn4D34uhPPGS/TATITY9e338XuXSwiVlHW7"
    "Rn6Ojw1U9+I9oHy566rBO935U2mBtRfW5Y2O9myy6bxj3WVlQ/CJrwNjcvxKO6FY9iK7u7"
    "NA0iWHil4GaJtudHPeo0yCnXHsNG2uugyJXKUYI/tbw/VdU0vPQXSGVhWB4RYS+VaDHxFi"
    "MEw12JEMSHulYqKc5SbbGseHR5Ofmzrc14+yXFfjbRE/2F9pOiq6sqIi0m3qKy3hWJhuC8"
    "HOp+BecrNHtq01iIjgkbCKyE+F6heeCmR0FyWF8245rqOIaohlG+sKZIepiOX7bsuajqOd"
    "dwjw57YLa15S2m1cAWkPYP9FZSdaJT6quvsVlKWGO7ssaWSXuk65bxiJ1afOdpoX9HdzZT"
    "eU6nD+ut0VVCRg7VOeujBznsGggk8Icl7yDqZWMKMtGrWlfSaKE+HCRc36qSFevzmK63rq"
    "Bgv38mFhTsN+9AgxrnVoNJkTaqhC1HBciu30ilnWob7p/SXrwdA7nsvokTMCh1bhzhTpc6"
    "h6lGgn1WkoQk32ElGU+wtdop9Vm0tYLSZjn0/fXxQfS0b1yXRU8zZVpUp1cKU4Xj4SA5Ll"
    "YCB8ltOxQFJc5bS8l7wtO5bT8onmNWkWiOrJch1pKCXSjZOdGOgHMx3VEJ1uP1kCeUvUS9"
    "GW1SIY0opXaWhvKARRl8VQIDo6VBjeTd44Q0IlAYRNwQrBpRrF2ELd0tbNMG0dkOZT0EK1"
    "J0YXqBsJK9CmJ/BvO9C6Yr82V2bcv1LME6HjaBH0mArNyhxLF11bpr6XPqlCwLfyPUiiV4"
    "sWT/Dv4Gv9M2/U4Rz4UBkqKDYzJkYJmutUzxozA6Ioc4Juihbdo8vFNbF4Slb6lykdTUhO"
    "N7AW6Rb+z8r9uMQZqra49dY5eTqw/RcL7YnYuq7sapiJ/Or95dXH0YbEWkmy9gChfFSpV4"
    "KZLtRa13pVbJVF2iONhd0sdgRSbEUnBl5NCkQQI1dhxRZwa5lshS9c+J0tZRdPweOgd5cS"
    "xJQA4J492JH+XDhhAsln9wuxk2hGDxS+R6mWDx8/SQ6hyD+9ZEqmsAl82rk3eRqlTmEe02"
    "THvWqAt5FMzbIwZs05McobfeoZzCubxfOdpjlvIvDyYWRp8mN7esQ5aKojn8zlhz+wkZBG"
    "F2QnnQSysQyx9cett9ws4+sh30NF+xew5GT6qLLNsSNOdq6yFlfOBpdzv9nqo5vsfG7KX4"
    "vn8cDo+OTocHR2/enhyfnp68PYi1f/5W0TIwvvjAVoLMSr7eQx4Kba2NF0/bw63X7m618j"
    "vs+r4hcAuVcgtV9giBM6iyM0j3nKCv76KKAHNUYDQIpLcwVipHtjBU+nKRLTDH0jujDQ2y"
    "/qaY7HOWGSdnXap3GmHH0OYDgVkR3ik0I9RkDNQ77dIXXrSrppLqVjwXIEXSi6g9l2B7cl"
    "ImwfbkRJ5gy+5xIWT6UVVAOBzeQ3RbaYZGn0iEST0Fpy0lJNs/b+F5rMDGTlaokDne/GL2"
    "/f8BL6AvlQ=="
)
