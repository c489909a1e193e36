from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Migration 8's config_version, now also the version of the webhook destinations
# (models/operations/webhook_queue.py): a statement that writes a webhook subscription, or
# the columns of an API key its scope and liveness come from, gives config_version a fresh
# random version in the writing transaction (see models.tables.ConfigVersion). Not the
# rest of api_key: a request refreshes `last_used_at`, and a new key has no subscriptions.
# Vendors (webhookUrl) have had their trigger since migration 8.
KEY_COLUMNS = ("revoked_at", "role", "location_ids", "vendor_id", "channel")

# (event, table): SQLite's triggers are per row and per event.
TRIGGERS = (
    ("INSERT", "webhook_subscription"),
    ("UPDATE", "webhook_subscription"),
    ("DELETE", "webhook_subscription"),
    ("UPDATE OF " + ", ".join(f'"{column}"' for column in KEY_COLUMNS), "api_key"),
    ("DELETE", "api_key"),
)


def _name(event: str, table: str) -> str:
    return f"{table}_{event.split()[0].lower()}_changes_config_version"


async def upgrade(db: BaseDBAsyncClient) -> str:
    return "".join(
        f"""
CREATE TRIGGER "{_name(event, table)}" AFTER {event} ON "{table}"
BEGIN
    INSERT OR REPLACE INTO "config_version" ("id", "version") VALUES (1, random());
END;"""
        for event, table in TRIGGERS
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "".join(
        f"""
DROP TRIGGER IF EXISTS "{_name(event, table)}";"""
        for event, table in TRIGGERS
    )


MODELS_STATE = (
    "eJztXX1zo7a6/yoa/7PJHTeTOJvdPdtOZ5yXbnNONslJsm3vaToYgxxzgsFFIonvOf3uVx"
    "JgCxAYYXCAaKYz24AegX+PePS86z+9mWtCG+0N59Y/4KL3Gfyn5+gzSP4ncacPevp8vrpO"
    "L2B9bLOh+tzSHsNBY4Q93cDk8kS3ESSXTIgMz5pjy3Xo4KEDhtfngIzfA1eOvQA6uP15+N"
    "3g6AOY6mgK3AmwMAIIGh7EwCL/h10Pmnt0dtM1yPSW87DJRPfOvXM3hdGNqe6Y0ASuz8aM"
    "3BnSfpj7Y9syNMv8UfvBI/fd2Y+j78FoeXkEJpZjIoCn8N7x3Oc+/b/gqXPPfYLsDvAgwu"
    "y1fcf604cadh8gue6Rl//9D3KZTAFfIIr+nD9qEwvaZowLlkknYNc1vJiza+cO/okNpIiM"
    "NcO1/ZmzGjxf4KnrLEdbDqZXH6ADPR1DOj32fMoYx7ftkIURr4I3XQ0JXpGjMeFE923KXk"
    "odvMDqWk/TLq/utNuzO03rpVgfUXBMDC8ZrkOXDXlVxH79A32F7wYH7z++/3T44f0nMoS9"
    "5vLKx7+CR6+ACQgZPJd3vb/YfR3rwQiG8QpUwneKhKbjNLin5A62ZlCMcJwygbQZku5F/5"
    "PEPUI5D/jowgr51Xe0DejJDzTp1xSyPAfnu/OvZ7d3w6/X9HEzhP60GX7DuzN6Z8CuLhJX"
    "dz7s0usuERGB6FhOAn49v/sZ0D/Bv64uzxi8LsIPHnviatzdv3r0nXQfu5rjPmu6ya3O6G"
    "qEGhm54ro/N0tyPU6puN4UrkcYcWwP337F9aXMTjP9ZKp7YobHiBL8JriV4fDrCtSZ/qLZ"
    "0HnAU/Ln4SCHv78Mb05+Ht7sHA4SPLsM7wzYrb9iIAdbqUY3QBmYE2TVAP3an1IM6g/vC0"
    "D94X0m1PRWHGr2rwTG0fgOgjvY3y+ALhmVCS+7F8fXc20pfKPxHcT34EMBeA+Ssn2FLr0V"
    "B9d2DZ2+E5GsKA3y32+vLsUgJ+mSW7BlYPBfYFsopepWBXrvh4nvGPQdwNi3bGw5aI8+78"
    "deTazIgZ7iFNt9I8h3vg5/S3Lj5OLqOLmt0gmOE6wxiB3kQFtm6XMkpVZ/uAM2c/FXL7k9"
    "+OQ+ltI/45QV6J8NQ7696mbayrB1hDUfleJzklZxusmcfoKO6XpCyyLTQxOjWe+oaT5Dq3"
    "DVUOfX5FHoqQnwSgP8k+tB68H5B1wwnM/JO+mOIVLEQjfmL8uJ2oXvX9EKiq6uXtHTn5cO"
    "w/jCIj+f/GiIGQA3ZKHfnJ8QoCnOY914fNY9U8sA/BmOp677qCF/vHxfgap2HE7z0z9uoM"
    "1Us2zofw2mvOVmbKFqnMUIhqo7cDk0Yzinb80Gs+QV3dEf2E+iz6ZPCqE7oYvaDgC+gQQH"
    "hHsCH71oWD/PYW9wBJrHUaz13oePIkgBwhmMgA4mvj2xbHsGHQxcz4TeO3IVIfJ5Qgh0m7"
    "qWFkA3DDgnzCZ3HgPveDQk5dev/hH3zsTyEP7MLgZzEnmxoA566D0RCt/Blh367BkYNBSw"
    "nG/HIx+TTrblXfJwMuLf0MBhQGK9Z//3HvfyGnt5Skiej33U+0M5/rfp+A9Rl7BxVhTbM/"
    "CJyP7nNyK1z07rMi7rtvPJB4kCKV/YjbKkUI6UAgDPIEJky5BBmCPpnrV+sF/IF0iHZaO8"
    "L/AGBtsBscjGC7nlHKfr4KI+LIT4YQ7gh3l4l/GSxGk7GKfrkvmsO+gZeqU4nSBVbpJW8F"
    "lOgibIurdl1SI/A9S0EupBmrJ7kNelJaQsPDmnYBZ5Kf9g07asmh2EQuN6Q1/hT6s5r6Ip"
    "W4Z6Ubdh1tKLeRBPhrcnw9OzYg5E23Lghg5DgTvrgszaITZs22nI4CvmOIyQlnMeanZEtt"
    "aDeLf0wenoEZpg4nrAdch/MO3mA3TadOZvuSkEvrrfe5zzM/0tsB/1h0rVfUWP3Z++7mAL"
    "C1THTGh5ErWFLjHOU1foQt9UZ+HmUKgLUI8kpRTMcSKF63qFkBfom6mBGVG1lsFdVBOMrz"
    "Sx/rdeiNSgfXdM9VuvgXOCVFYNr1WtdJ2J9fAL9FCARFqZjA3IVyHZUO2JG7u+bgwggrcN"
    "gec+gx3LBAe74HnqIghG4TwjQDMSHyAi18liIVdB8CDfYx9xdFtQSlbd3LS67CR2x6I0Og"
    "Y6rQ0zIELgEcI5AmOInyF0opAzAjshkO4cBqRoLw7U7mdabeZj8q7vEIiSYvsgSP7og/Ce"
    "5vnkp+iOubyAIKb/0kdYD+FrfdrtszGshi1M+wAEczIwePg7IEoGYTRhwR8/3cH+97TiLr"
    "zTD6YNNjIaweenIO+ODPIjCYIzAujEc2d94LiYBeBHfBLcCFCkF8uo/ExfEATgxINoursH"
    "TonWONYJlwgjHx4IRuDZszAEFu4Dy2HT0Qs0k4AsLgfpRoAXcsnjgrGEjTrhGLEgiFUAsB"
    "vkCAyvz4OSvpML8j8mnLkAQWiSichlyqt3ZJUa2PUs8v4MEFZG+B0VZSb4dk0dr0C3bYqA"
    "7+A9cKYb03CJBM9lWQ30Z4CgvpB8bbMxeRuCJrFNyLN1grRJn0jNms9kdLgGANYfIXnjMa"
    "135H4VJcGE4bZN3oB+8X2arMBGmRFMcEbwpwkSdGlAKnag2afrky3oe4dNDfQHIq4YSKsV"
    "O3Vt9i4WWcb2s76gZZXsN8wsNNOxMVV1jg00njj5mvDGWA85KYpLoi7pm38bDA4PPw72Dz"
    "98Onr/8ePRp/0l2ulbebAfn3+hyPd593CGVvo6G3XKfSnYq0UuzuztWuhkXb9jXzmrFCwq"
    "86e6B+keQf00bJrPAL6QGexFcGmy3NKYhAp2NVa4DXF6z6589iK5XNEUdHyUwtUHv3N5qv"
    "zVVfJQkEtGY1nsRvjeUQCTyLPg8nIUd5F/ZAbd6ukZA2JziB7CzSC6zWVBWcajP9fgy9wi"
    "uxd9DBsQrAqVzabK2Bsi9NtZ0KzK2N8i14uUsbckc/Xq+uyyVxd3605ajaxn+eTVFGUH8/"
    "0GxZInBnnJEwNB8kRCZZHKA4uTdlCitVeCCRLBIm6JPi7K6DVMFn5ZMSZ3i8GUaclvhVfO"
    "pb4UnlDlSzb6MwnLjsrIwzip4nOT+TzXjXLdAGKEisdN5jGaWvN5KSbHKRWXm8zlqCK0VM"
    "1KjFTxufl8LmMfJgm7l1pffU+5ELQSpQxpyu7hXVcpQ5jcW86rnKBV0qzZ0kw3F9rE9bQw"
    "plNm9xJOofjeZL6nI3iy9odoAsXzFvDccE2pjTRB1r1dtEgMITuEkIogcHiRzwLTdCtByC"
    "Yz7p1Fvr00nP26UK84l57rByqBb4JKtV9LA1uielVVrK7BVPUJrL/qo6rS367X+66v8RWJ"
    "2QqAveCmatfKLQptYnfJ6MGYFgwVgKuaWxarTRdVLldfq94h8RGXBptX9ne8tisV+6E/dE"
    "PIbsNpugTTNrPfs1ofZC1FiSz44k0PsiEr10B0lXPN9ShQideqKUG7FHpRqLwEtiJS5TNJ"
    "AryKzpSAWEysQF7fWkN1AqvXVyXfukS1KynhYFF91jayYOX6rIlXeVXurY4ZXUmoN26ike"
    "EvUI3tXtu0OzfhbO5i6BiLG2gQPvcEdl16UD/PqLNWwzVvNb5QbfNobusGZN/UCMyhB3bC"
    "E9H69FDq3aCVBCKvR/8EHsS+56DVRbZQxXXNlc0s7HnHndtGT+1WDe5UEW8jhUxLyzlVEe"
    "9b5LogDyflEn6FMzYbx92aD9mkG5oEvOHwDkJbz+HIYZNA2YO+k3QdxLv6paxycVTaSKNs"
    "6ub1pDx3nqCDXW9xAc0H6J052Fv0REahaFw/1y6MKMgXTklqD/NJWV15/ds6ZnhtoW9bP8"
    "c8IxjSzo50yWNdRhIn6VSsJN0QOzh9UxrbNKECNw2uOoGx1vJE1v5VBt8lQffKKGqyNSbQ"
    "g6HaVXwRc0QK6EJAOy6Wwjga3z14jwrBe5QD75GgolY5eDvm6ivi4LXhE7Qly5M4EmW8rz"
    "feGV4VGO+ccRhO2DKcC1cocAtMOot+S2Y85UC+AR/yqJjpHg1eG8+9xa7xGLWPnnuu6RsY"
    "6Jj9GVV2pGO1hajoiRCj0B4csd7To8iCGZGR9gIEx0kEpwNELgLwbOEpoGcTjETeixEwdM"
    "9bsKMNorAvM4cQ69wP6XkD7OcD+KdPfnJwHgPyZ/Rt6clpgVsjO0jM1/6Ev0xFilWkuJkS"
    "sMOKhIoUd43rRSLF4XYh73BU3rA8V2MJJ6MCVFitoU8gXmiI6j8SoCbJFLDN6WzROOleMb"
    "KhEisHbJxI4VrAKn+VngFNA7m+pgGRLbY5vNermTqKbvzr3aBxwCoHoHzyf1YOQkewrzXz"
    "fykJBK4hXkpkO4ViJ2A1Jo9D+USUT0RZx8on8ua5XsQnQkaSyZDG/k7xPSfxIkHXvbh1LW"
    "kBEWy07vGgDN5LQgW4NOCDsoAPFODSgBvCXhjr8TbEbTA6APdB0ebyeb3ls+D24IPQP7Ae"
    "8BWlglwKcroT67Z0/+cM8u6BPygmXXKES6Zscf3I0JcWLyvSDiJeBPBsvDMXOoGp3BKPCL"
    "sH9fsii/t99uJ+n1rc1NWFfZEs+cl29awYBUeUAHlCqdoHcw6sp1ffji/OwPXN2cn57fnV"
    "ZdyYYjfpJXLBivyRw4tUKMh5KAEzT6VwLoCz7K640TbYMPdczSWssqb6RiZ641wx9Vswj5"
    "YoRySn3N0SZoh0Ad/qzwPXDWw9CZbvsevaUHcyq3xCogTGY0JVF8iRyNiu7D2+urqIuQ6P"
    "zxPllZffvh6fEdR34zJY3PwTBY3RRC228gBPkirYi8MeneTkUBREZcZ5wKeJtwj98kp7sf"
    "cs15NrwsqTbC8V5WC/LblTpm7ZC83Q57rYo5cJbJpQHbmShpdGxLT/k7SvY0TbUzt63+5O"
    "ei1SmlMJVUWyUlJNRSs+naF9Sz4zOYVfx4n6oA1B62z1mEhTqGKVdXlpedCAFu1MEbbk3A"
    "ypGzZJh6CqM0UsWFaC/LDlestODlu2gVpfJzgEho+wO4Ne0GX1e1Z+N4rcyP8zAsHeh4Du"
    "waA0j55OQOv0wjHpKsKK5ixylAjXTpBLgPqDHieCsI59JLoTT5qxzOAqN5V4AIGZfAtEzM"
    "7I+7imaGb4gqHn6Kwo9Q/6IcWZDV/m9NcR6Nml3rfra6Jbnwxv73buexFmGpwR9e2+B4a3"
    "INxVd3fpbFzm3UvYdJsNZawPv7QeewrhOfvjL5W8p5L3GiFCW5rGpZL33iLXVfJe4wIDKn"
    "lPJe+9DcBV8p5K3us25Cp5TyXvNQxxlbynkvdUUplK3nt9nB1/NhZVZufkmC0pKpEWDcrf"
    "q77JsTqwpvYUSd4FLgFzgqx7G18tRuMqxlEU5xXFFpMXrs8uT88vv/S2A3SRJT3IXtKD1J"
    "KOR2akhEeKsoMy5LCQwXKYY7Ecpk2WJXKyDtYUoRIlhUTJVEdaFIbVQkMkjXtuBmXWFCqP"
    "UiKPUhBlLrr0BaQdFDfVJ8YbvkfPWJDyi/A0HQT5sIhEz5bnKT3FH2MX64K98xQa1ky3M5"
    "QVjiwZHg3o9kL6FgKeZ0gSA/Lr8GLn4H1/kBAYvIsksYrZYdya/EE5KcLu7Zg1yIzg6PNy"
    "2R4J2goi/w1Dv72B/nR+R7irluJ0klZxusmcVgcHcQcHFTw5KPfooNQehfUHgVHx99ury4"
    "xqi3B88ruxDAz+C2wLdcuBTIGIfSwRmjtfh78lgT65uDpOfgV0guME5sQY0GnKogzuPI3C"
    "vjz2YZlBuSbYYmJVybW2ZXMCOEHEqsbOzQ2DOqt2oZ9sLSxcbBu0GG5AMVdDLb411VwmnM"
    "2JYuEYC2KSGQS6TQu6VhPesPm6ihw0LVwNZGyBnZHpOg4YrfSrBCo6UVdRmrp2JevpZ9fu"
    "7Eqiyb5VYHRhOW2scyiEEbFlNM99rgKmO/2hqyhtt9C0lRA9w/HUdR+10Llkbfrl/RrMdx"
    "pGj7qj49Zfn8vpCFmVunE1Yk3NrsbpMGz42vrdKweCEaViDxuBOfTADpurDx7hYvfz6jhN"
    "8mdwCOfyCqULz+lEwHHxlKKcgLz6J9wTRAmXvo9OBHXZ8aB0ZB+cn559vb66O7s8+V/t5O"
    "rypwtib2Sf6bmscyYPVod5qtrXZgr1llZBqtrXt8h1QaAkpYBQaZtid06TRtjVLIlaErE8"
    "SH4pwtpUR1MZmJN0HcS7+mzlQOuS0gh4EnWA4npv/FJJ29AH3zWvbz/hgefXVczvfjK8PR"
    "menuW53es3dJiHL9PGifx/a82b5cC1hs0dMSEY0TsEqApAXUx94NpkGAYTy0N4D1yS+TwQ"
    "qhJ94LA/A+DMdFuiSmaUbEq0bC6UaBS0/CjoAClL5dh6eCvGyt8Gg8PDj4P9ww+fjt5//H"
    "j0aX8pmtK38mTU8fkXKqZiu0IBk6YlxUK9Xks3X4aNBLrReKXZFAB3BhEiAl0GX46kgxAP"
    "iuU0DfJymgaCnCayi7lSBZtLgu7ljdViEMkmL6nEpc0Tl/Sx6wt8OtmgLwkU6hugjhAxia"
    "AooHMHXzKUvhhRF0RKnqfs7Le7fNSXjrKLq8sv0fAkK8SoayW2TBFtF3iwna1TBQ2yGdBO"
    "93GRoIHyuSmfm/K5rfe5sYSxLJdblE22zuM2jcatc7hlY1vE5eUR5HS0FMjB+uM8XXI+rr"
    "fi4KotGi9fBLph9WfTBEDdjYRUqRjXKrJgr8jcZpHKrbJtt4pSvrPR767yndioZdieIFW1"
    "zM1J0cnh81gqVydBpkRpIVGqLFpl0SqLdr1Fy8p7sizaqPZnnUVrR+PqtWjRo68s2de3ZM"
    "m+aImLuLPr5jkSJVpFp1MHS7uoThAO76BfoPqsiz993cFyh/XyJGq5CpYr+V1Ym3uWIfC4"
    "5LaPixOqBnKQX9bpBnK6zbo/EOW/xCoWE29vPbflTG+qTTFFohzMWeQK6NQmRxvRlgNZRK"
    "oAzmhUWw5iMbECOQnyqlVkCZDFxArkJMhBz4FyGAtpFcRJiJWHrHpM555r+gaWbCoXI1K4"
    "Ks/j9jyPgsVbAa7Xq5k6imz8m62oJ18FLZuSLfm63L0p2OerQC1oTtRlrKj9VNUauw3n6h"
    "petcdaaI+wrFBL2D9sXaQFh8MKNSEig4E7AboDwt5AE9djfYBGtInzCBBJgWnnIMxV4Ya3"
    "Au0EWAg8T3VM/6X5F7vpCt4anyPsLxQCwAV+VH+hV4oDhawoGrMIh6uYheqBoWyI14e39d"
    "kLPh67L9lNMLjb+fsqGyjTBmPoADYaPHsWxpDsXs6qux6hdRAhJ2OBjtj1oNcesDDZ2+au"
    "h1F6F918ynvn3qHdNDyivi3A3B/bFppCRDbY2YxOaQLa6BRgl9JbHhh7rm4aOqIb84i8CN"
    "RnI/pUy7x3GMvJdm4Csvhnc7JZR/PRRMPR9+wVLJPu1pg9ck6fafgeIvv+zghZ5IMZZe7h"
    "6bQO9nQ6OmrNsbqSbNLBv0hEoXp1NLJXx4qJhbMalhRKSVC9Ol4X3Lm+sImETOObXW/PkW"
    "xUcd80qLddcq+qILJXfXerIJI7uwzfk7SqDqLJdRBUvYbU8MDwRcDqnA0sSbi1WojeDxPf"
    "CTTw0L5g9gPaC87r2AuOnsWaofsI/thr0Z6XspBfx5qLIkYCS44LJmVbcVzsqtYkdOVh3K"
    "aHUWkCb1ETUB3Mu8Z1gVqQjlC+YgXE6wrRmi1Z9q8EstH4DroJaqk0ZdUMmj5zfUcksPKq"
    "IZKkG9dDtMdqKVUOEeAVKNuGVBF1mrJ7ddSHRTqqZDdUacTB0KXkB2edjX3LxpaD9ujzaj"
    "PEtuERkzDMOCvEofao6y3IqngKbaTyiT7n0WwXdLIWSv9CqVGrEmZ1XOJ2k6LCMwEFNv/q"
    "tMBsk99bjam37JyrN0dYxz7iQ5UeNKD1RGwO/mhr6aik8hQoT4GyGZWn4M1zvZCnYCmEiy"
    "cWRBRbPALk5uyf38hPPTvdTjjg4EMB9f8gyTau4d+H9Kln4dZWpi9ZjFTF45rzOaWlqAeJ"
    "+WSW82CkaJULg//e0i6MALCSH1WMVH1UTf6oyMKnJqUm3/Y3Tdk9V1VdHWpV3nwdpfgJC1"
    "cO3yzyUlg3bVGrEoV2lCjkrucKEL7gpmrXEi6KcdZnvEHpsyrcfTWfa1bXzzie63yv2+r7"
    "GT5NU27VbbtVVe/EOvSpLR8E0rAdJ24JHBUyBI5y7IAjwfGUFspuUptjecXJugd29T7CVf"
    "C0jNXF0SlRkdkFTZM1uBiRgrWomRUCVoEZsApbtwzh4lYAvyDX21rx9vBVmLEd0/WTAKfk"
    "YpNK7m9cH5MfeePbYuOBu51vPQQDNS8aqSo22iRK8wwGlYeRDX07I/IqD+Mtcr1IHoYqLK"
    "i9sMD15JwvPMn2VP+D/bb0PKZddJ4Ei/bYdW2oO2JQV0QJSMeEqi5MI6Vgu2H246uri5j0"
    "OT5P9H25/Pb1+Oxm5yCR8CA80UaqfCAar8oHYgyooqGGquRoDCto4y5HWJiRzQ6eRrGkcp"
    "aQ1yQ/KohpGjSNzbNEYcls/mROoJhVK7M8+ED+Kc0qjlwxqnJG0fu6TaA3oTb34MR6kfuo"
    "sugVqypnVdBaUsaSW1F00JarPkjGpcxIfQNJOrX2K1/7T9AxXcmM0RiNSmNcG18L8KogAP"
    "TLcqJ24Vs0+BNbWNKJdVuI/NxCTP8JeC+O/iyH9ItEgBA/en3jZYDIYBvSVsZgxzLBwe5n"
    "1oH40XHHiB5BwNoRB3MDIs8tB7I2xvSybU2gsSDyQdB9ubp5VTyqWfEourOjuW1hwcabCW"
    "6caHt+1MNGg8y59ig2mR0T8lypCUrlTy3uT9UNA87ZBqnNLMfHIuwzV7SYeIsRgkFbIgTL"
    "03ylCozjVFssMh5eXFz9WpcyXn+BMcsmeia/0H3WTH0hs6TFxFsU1m1Z0XPLePTn2tQlYy"
    "UxFpFuD+GPLQFYZT9kQ92t7IeUkfs61lh0AF9PYIYt7/Xz7C/Ej6q3eIc/4JI7tU2ZQFtL"
    "ydM9zxLVkWarMxxJB4sgipae51Wep5olkmGP1KPh+LOxHNgC0u6BXkuCFJVi81Ibb5xSbb"
    "xN2XiLJJuSzcx6gl4pvidpVQ+V5mhYaU6nVAe5OE0WuaqJWh+zSWttKdylwzfJs8lbiHrR"
    "SE7W0pOt5qm0WYI6t7u8qZXVMCGJ6XqTa1tNE5YmnjK3VMuEFm5Oqsp8a+G8SDJJYZugUs"
    "iuV6p4r9uGuhTv5msZyEV1qMQCU8XmlSPc6GLzMNlLoHOt0sCyta1VzpkqLm+V+MxTrVRx"
    "eTb03fX3qfBq17ieFV6NFcoRmS4VsgrHqwMBE3ETdSDgtsNSqsh8a0mRz3A8dd1HzfdsmR"
    "WdIOtkuLXgws5d2amlHQGHINGopM5uT1N2EvVqpIlEnhEnduaW9ghF+X0yQYLh3CJGcvs4"
    "kRkdyA0obghWiYhWG2Hj+7Vt2rA73iOug2BFgi5MNRD2EpBB7NdgvtNgui59mXV6j5KoCd"
    "xIAmCz/UkJri4KeZZ6Vw4EkJ6hCiauB1zyF9eA4DPQQeCmeodAOP83zwZkpB79DZA/Xs2Y"
    "gLvi6e+dHfhCfo69YFOFVW/42QUWAgji3T1wulzT9DYbRcUewG7y6UD3ICFy8L1jOcAyg4"
    "F9AHVjCvQJpkRkdko1huTtIbAweRvDgNCEdDSB1LLJ/9Ff9uC6ZsHqOv6ITge+YGL7Yzib"
    "03+D8zqXyQzxozyVI2+bjrzoKxJGnPJORoqRKVN/ranPpIMMxEuCDhr71cM7dk1BnP+OyJ"
    "2MMrFwfCfAzXM2nv12F7PwU60alr7Gi6vLL9HwZP+GRJi6Hcd+Xp9dnp5ffultZUlXX5MX"
    "7pdSxaUcyfbSANpSfmfrCGseRHPyGKhlLeJMcLPIVd+RDKih54majWRLiThV97xSdZ21mF"
    "SvU5DnB+cE5CobvzkBuXQcVkXfsz+4dsZhVfT9LXK9SPSd+rUgddlhIqVlNtMU4db2U65V"
    "XejgY847tMdMWrRn+J5H/f6G7iNYW/+6ui3O1zjguGF7auXpz5wPVDIFOk2pAE4DrHosqh"
    "6Ljcl5zu6xKMwpT8ZfNkQ3jDndJmbtJtQC8Vgwib8CpDsWj09iW01RaWR+2+5DpUHqYTBv"
    "C3X6JgSrI/TWx6w5nIuHriOnS/EQ9vXV7R0N+OogmoN1P526zzRqSwQqNIN+qct4s+6gZx"
    "rudT3wPF3Qex4EzzoCjusIGrDW9ZAi8WI+oi8dCT62Ht5KMPhvg8Hh4cfB/uGHT0fvP348"
    "+rS/VGHSt/J0mePzL1SdiZk860PG4aIt5YlI0nbQF9Fe30Pa5VQ+WKLiJIUMMukQiYqOSE"
    "dHTN8Lzm6YySzgBJUqqhas3tzkoWxkc3OH3i6yOT4FXjOqxu6VSGJtGtZFDbPEOmtSRbXI"
    "+ZBtYyR9FOsNjKSvpMCBDg4YXp+DR7hY5ah+DlJal8cuYHduGYjaAPQ9UR8gw51DExA9nx"
    "3RABc0P3VHJ1Odfj2/TNkWNTzj3mGzsVmImcJs8e+J4XI9vLm7PLsB4V2LPCA8u+8dovd/"
    "Obs8vYrddp8d8Ox6j7vq8IgGpqmqiHc29O2MfaqI91vkepGIt2QF6SaVo43j6lZKR+VLRj"
    "csFW08zNVXngd6TBrjnKOelxTbP1zwddxh9RyhGdTeypmkcSJlka63SEPEKjBIC5c5Nw3h"
    "onZofHGVDxGqMtbXjAwOCfLGtCew0sM7/TzDXF+NUU3Q2iQC+zlGKfl6kORxzRxJFzWpo6"
    "MimtTRUbYmRe8lN/S5DMLh8A6iW8tpKSw/WFSYmq2ociRKU5XUVCXayVS/mf31/6p20P0="
)
