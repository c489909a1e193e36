from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX "idx_fulfillment_order_i_376fd1" ON "fulfillment_order" ("order_id");
        CREATE INDEX "idx_fulfillment_vendor__24090f" ON "fulfillment_order" ("vendor_id", "assigned_at", "id");
        CREATE INDEX "idx_fulfillment_locatio_e13825" ON "fulfillment_order" ("location_id", "assigned_at", "id");
        CREATE INDEX "idx_fulfillment_fulfill_3c66b1" ON "fulfillment_order_line" ("fulfillment_order_id");
        CREATE INDEX "idx_fulfillment_order_l_744ad4" ON "fulfillment_order_line" ("order_line_id");
        CREATE INDEX IF NOT EXISTS "idx_order_email" ON "order" (UPPER(CAST("customer_email" AS VARCHAR)));
        CREATE INDEX "idx_order_externa_04f55f" ON "order" ("external_id");
        CREATE INDEX "idx_order_event_order_i_a7c22c" ON "order_event" ("order_id", "id");
        CREATE INDEX "idx_order_hold_order_i_93eb64" ON "order_hold" ("order_id");
        CREATE INDEX "idx_order_line_order_i_b67cd5" ON "order_line" ("order_id");
        CREATE INDEX "idx_outbox_even_stream_346a22" ON "outbox_event" ("stream", "created_at");
        CREATE INDEX "idx_return_receive_640d85" ON "return" ("received_location_id", "id");
        CREATE INDEX "idx_return_order_i_be346b" ON "return" ("order_id");
        CREATE INDEX "idx_return_status_86c631" ON "return" ("status", "id");
        CREATE INDEX "idx_return_line_return__0eecea" ON "return_line" ("return_id");
        CREATE INDEX "idx_shipment_fulfill_3ab7e7" ON "shipment" ("fulfillment_order_id");
        CREATE INDEX "idx_shipment_li_shipmen_22768c" ON "shipment_line" ("shipment_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_shipment_li_shipmen_22768c";
        DROP INDEX IF EXISTS "idx_shipment_fulfill_3ab7e7";
        DROP INDEX IF EXISTS "idx_return_line_return__0eecea";
        DROP INDEX IF EXISTS "idx_return_status_86c631";
        DROP INDEX IF EXISTS "idx_return_order_i_be346b";
        DROP INDEX IF EXISTS "idx_return_receive_640d85";
        DROP INDEX IF EXISTS "idx_outbox_even_stream_346a22";
        DROP INDEX IF EXISTS "idx_order_line_order_i_b67cd5";
        DROP INDEX IF EXISTS "idx_order_hold_order_i_93eb64";
        DROP INDEX IF EXISTS "idx_order_event_order_i_a7c22c";
        DROP INDEX IF EXISTS "idx_order_externa_04f55f";
        DROP INDEX IF EXISTS "idx_order_email";
        DROP INDEX IF EXISTS "idx_fulfillment_order_l_744ad4";
        DROP INDEX IF EXISTS "idx_fulfillment_fulfill_3c66b1";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_e13825";
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__24090f";
        DROP INDEX IF EXISTS "idx_fulfillment_order_i_376fd1";"""


MODELS_STATE = (
    "eJztXX1T47a6/yqa/FP2DoeBsCx7tp3OBEi3nLKEA2zbe0rHOLZCfHDs1JKB3HP2u1/JL4"
    "lsS47l2ME2munMFluP7Pwe+dHzrv/0Zq4JbbQ3mFu/wEXvE/hPz9FnkPxP6s4u6Onz+eo6"
    "vYD1sR0M1eeW9hgNGiPs6QYmlye6jSC5ZEJkeNYcW65DBw8cMLg6B2T8Hhg59gLo4Obnwd"
    "/6Rx/AVEdT4E6AhRFA0PAgBhb5P+x60Nyjs5uuQaa3nIdNJrpz7pzbKYxvTHXHhCZw/WDM"
    "vTtD2g9zf2xbhmaZP2o/eOS+O/vx/ntwv7x8DyaWYyKAp/DO8dznXfp/4VPnnvsEgzvAgw"
    "gHr+071l8+1LD7AMl1j7z8H3+Sy2QK+AJR/Of8UZtY0DYTXLBMOkFwXcOLeXDt3ME/BQMp"
    "ImPNcG1/5qwGzxd46jrL0ZaD6dUH6EBPx5BOjz2fMsbxbTtiYcyr8E1XQ8JXZGhMONF9m7"
    "KXUocvsLrW07TL0a12M7zVtF6G9TEFw8TokuE6dNmQV0XBr3+gr/C3/sH74/cfDz+8/0iG"
    "BK+5vHL8LXz0CpiQMIDn8rb3LbivYz0cEWC8ApXwnSKh6TgL7hm5g60Z5COcpEwhbUake/"
    "H/pHGPUc4DPr6wQn71HW0DevIDTfo1RSzPwfn2/Mvw5nbw5Yo+bobQX3aA3+B2SO/0g6uL"
    "1NWdD+/odZeIiFB0LCcBv53f/gzon+Bfo8thAK+L8IMXPHE17vZfPfpOuo9dzXGfNd1kVm"
    "d8NUaNjFxx3Z+bJbmepFRcbwrXY4wYtkdvv+L6UmZnmX461T0+wxNEKX4T3Mpw+HUF6kx/"
    "0WzoPOAp+fOwn8PfXwfXpz8PrncO+ymeXUZ3+sGtbwmQw61UoxugDMwpsmqAfu1PKQH1h/"
    "cFoP7wXgg1vZWEOvhXAuN4fAfB7e/vF0CXjBLCG9xL4uu5thS+8fgO4nvwoQC8B2nZvkKX"
    "3kqCa7uGTt+JSFaUBfkfN6NLPshpuvQWbBkY/BfYFsqoulWB3vth4jsGfQcw9i0bWw7ao8"
    "/7sVcTK3Kgpzgldt8Y8p0vg9/T3Di9GJ2kt1U6wUmKNQaxgxxoyyx9hqTU6o92wGYu/uol"
    "twef3MdS+meSsgL9s2HIt1fdzFoZto6w5qNSfE7TKk43mdNP0DFdj2tZCD00CZr1jprmM7"
    "QKVw11fk0euZ6aEK8swD+5HrQenF/gIsD5nLyT7hg8RSxyY/66nKhd+H6LV1B8dfWKnv68"
    "dBgmFxb5+eRHQxwAcE0W+vX5KQGa4jzWjcdn3TM1AeDPcDx13UcN+ePl+3JUtZNomp9+uY"
    "Z2oJqJof8tnPKGmbGFqrGIEQGqbt9l0EzgnL0168/SV3RHfwh+En02fVIE3Sld1HYI8DUk"
    "OCDc4/joecN28xz2BkOgeQzFWu999CiCFCCcwQjoYOLbE8u2Z9DBwPVM6H1HriJEPk8IgW"
    "5T19IC6IYB54TZ5M5j6B2Ph2T8+tU/4s6ZWB7Cn4KL4ZxEXiyogx56T4TCd7BlRz77AAwa"
    "CljOt+ORj0kn2/I78nAy4t/QwFFAYr1n/48e8/Ja8PKUkDwf+6j3p3L8b9PxH6EuYeOsKL"
    "Zn4BOR/c+vRGoPz+oyLuu288kHiUIpX9iNsqRQjpQCAM8gQmTLkEGYIemetX6wX8gXSIeJ"
    "Ud7neAPD7YBYZOOF3HJO0nVwUR8WQvwwB/DDPLzLeEmStB2M03XJfNYd9Ay9UpxOkSo3SS"
    "v4LCdBU2Td27JqkZ8haloJ9SBL2T3I69ISMhaenFNQRF7KP9i0LatmByHXuN7QV/jTas5R"
    "PGXLUC/qNhQtvYQH8XRwczo4GxZzINqWAzd0GHLcWRdk1g6xYdtOwwC+Yo7DGGk556Fmx2"
    "RrPYi3Sx+cjh6hCSauB1yH/Aezbj5Ap81m/pabguOr+6PHOD+z30Lwo/5Uqbqv6LH7y9cd"
    "bGGO6iiEliVRW+gS4zx1hS70TXUWZg6FOgf1WFJKwZwkUriuVwhZgb6ZGiiIqrUM7qKaYH"
    "Kl8fW/9UKkBu27Y6rfeg2cEaSyanidamXGKuLokzzLSaxIcm239QrkyFlFdr9DAE11D9Ji"
    "L6r+BdN8AvCFzGAvwksTEKePAt0xQZgpEdSDQZzVLSufvUiIOJ6CjQzvgj+Y9Bf26iomGY"
    "aoqYssuBG9d+wXJWsovLwcxVxkHymgWz1dMCAxB+8hzAy820xw1TIe/bkGX+aWBxF9TDAg"
    "XBUqSK6q45oh1FtaJ6Wq494i14tUx7UkIWZ0Nbzs1cXdunNhXB+T52slcmIylB1MI+gXi8"
    "n082IyfU5MJqWySIWXk6QdlGjtlWCc+HLMLd7HRRm9hsncLyvB5G4xmDIt/a2wyrnUl8IS"
    "qjSMRn8mUTZzGXmYJFV8bjKf57pRrsgwQah43GQeo6k1n5dicpJScbnJXI4LTUqlwiZIFZ"
    "+bz+cy9mGasHsZe9W3qolAK5EhmaXsHt51ZUhGOUPlvMopWiXNmi3NdHOhTVxPi2I6ZXYv"
    "7hSK703mezaCJ2t/8CZQPG8Bzw3XlNpIU2Td20WLxBDEIYRMBIHBi3wWGM7mmBOyEca9Re"
    "Tbyybbrwv1ilP0mDZjEvimqFRXlyywJYpiVCHMGkxV+6H6k0mrqijqehnR+tIhnpitANgL"
    "Zqp2rdyi0KZ2F0Frp6xgqABc1TOrWMkbryCq+hK4DomPpDTYvGCw4ynjmdgP/aEbQnYTTd"
    "MlmLaZ/S6qqBQtRYks+OK1lGLIyvUlW+VcM6WPKvFa1Tq2S6HnhcpLYMsjVT6TNMCr6EwJ"
    "iPnECuT1FbuqwUi9vir5imhVBV3CwaLat2xkwcq1b+Gv8qrcWx0zutJQb1ybK/AXqH45r2"
    "3anZtwNncxdIzFNTQIn3scuy47aDfPqLNWwzVvNb5QbfP93NYNGHxT92AOPbATHbSyS8+6"
    "fBd2sUbk9eifwIPY9xy0uhgsVH5dc2Uzc1vpMMfB0MNAVd8cVcTbSCHT0nJOVcT7FrnOyc"
    "PJuIRf4eiuxnG35rO7otOti8IbDe8gtPWcuRj1HpI9PzRN10G8q1/KKhdHpY00yqZuXqur"
    "c+cJOtj1FhfQfIDe0MHeosczCnnjdnPtwpiCfOGUpPYwn5TVdWI9vBXD6+/9/uHhcX//8M"
    "PHo/fHx0cf95cyIHsrTxicnH+m8iAhftebZwRDooGZdMljXUYSp+lUrCTbZzM81Esa2yyh"
    "AjcLrjrYqdbyRLIP8HL3cs5tiAm6V0ZRk60xgR6M1K7ii5ghUkAXAtpxsRTG8fjuwXtUCN"
    "6jHHiPOBW1ysHbMVdfEQevDZ+gLVmexJAo43298R7gVYHxzhiH0YQtw7lwhQKzwKSz6Ldk"
    "xlMO5BvwEY+Kme7x4LXx3BvsGo9x++i555q+gYGOgz/jyo5srLYQ1Z1z59xH9uB90Hv6Pr"
    "Zg7slIewHIa3qAevofIIhdBODZwlMymtDyvBf3wNA9b0HPXl6GfQNzCO0C5AKoG1MQ/HwA"
    "//LJT6aj7hzkz+jb0gNZQreGOEjM1v5Ev0xFilWkuJkSsMOKhIoUd43rRSLF0XYh73BU3r"
    "A8V2MJJ6MClFutoU8gXmiI6j8SoKbJFLDN6WzROOleMbKREisHbJJI4VrAKn+VngFNA7m+"
    "pgGxLbY5vFermTqKbvLr3aBxwCoHoHzyvygHoSPY15r5v5QEHNcQKyXETqHECViNyeNQPh"
    "HlE1HWsfKJvHmuF/GJkJFkMqQFf2f4npN4kaLrXty6lrSAGDZa93hQBu8loQJcGvB+WcD7"
    "CnBpwA1uL4z1eBv8NhgdgPugaHP5vN7yIrg9+MD1D6wHfEWpIJeCnO7Eui3d/1lA3j3w+8"
    "WkS45wEcoW148NfWnxsiLtIOJFABfjLVzoBKZySzwm7B7U74ss7vfixf0+s7ipqwv7PFny"
    "k+3qohgFQ5QCeUKp2gdzDqxno68nF0NwdT08Pb85H10mjangJr1ELlixP3JwkQkFOQ8lYG"
    "apFM4FcJbdFTfaBhvmnqu5hFXWVN/IRG+cK6Z+C+bR4uWI5JS7W9wMkS7gW/154LqBrSfO"
    "8j1xXRvqjrDKJyJKYTwmVHWBHIuM7crek9HoIuE6PDlPlVdefv1yMiSov0vKYH7zTxQ2Ru"
    "O12MoDPE2qYC8Oe3ySk0NR4JUZ5wGfJd4i9Msr7cXes1xPrgkrS7K9VJSD/bbkTpm6ZS80"
    "Q5/rfI+eENgsoTpyJQsvjYhp/ydpXyeItqd29L7envZapDRnEqqKZKVkmopWfDpD+5a8MD"
    "mFXcep+qANQets9RhPU6hilXV5aXnQgBbtTBG15NwMqetgkg5BVWeKWLisOPlhy/UmTg5b"
    "toFaXyc4AIaPsDuDXthl9fug/O4+diP/zz0I9z4EdA+GpXn0dAJapxeNyVYRVjRnkaNEmH"
    "aCTALUn/Q4EYR17CPenWTSjGWGV5mp+AMIzORbIGJ2Rt7HNXkzwxcMPUcPilL/pB9Sktnw"
    "ZU5/HYE+uNT7enVFdOvTwc3tzl0vxkyDM6K+3fXA4AZEu+q7d3Q2JvPuJWq6HQwNWB99ab"
    "3gKYTnwR/fVPKeSt5rhAhtaRqXSt57i1xXyXuNCwyo5D2VvPc2AFfJeyp5r9uQq+Q9lbzX"
    "MMRV8p5K3lNJZSp57/VxdvzZmFeZnZNjtqSoRFo0KH+v+ibH6sCa2lMkWRe4BMwpsu5tfL"
    "UYjasYR1GcVxRbTF64Gl6enV9+7m0H6CJLui9e0v3Mkk5GZqSER4aygzLksJDBcphjsRxm"
    "TZYlcrIO1gyhEiWFRMlUR1ochtUiQySLe24GpWgKlUcpkUfJiTIXXfoc0g6Km+oT4w3fo2"
    "csSPlFWJoOgnxYRKKL5XlGT/HH2MU6Z+88g4Y1022BssKQpcOjId1eRN9CwPMMSWJAfhlc"
    "7By83+2nBAbrIkmt4uAwbk3+oJwMYfd2zBpkRnj0eblsjxRtBZH/hqHf3kB/Nr8j2lVLcT"
    "pNqzjdZE6rg4OYg4MKnhyUe3RQZo/C+gPHqPjHzehSUG0RjU9/N5aBwX+BbaFuOZApEImP"
    "JUZz58vg9zTQpxejk/RXQCc4SWFOjAGdpizK4M7SKOzLYx+VGZRrgs0nVpVca1s2p4DjRK"
    "xq7NzcMKhFtQu76dbC3MW2QYvhBhRzNdTiW1PNZcLZnCgWjrEgJplBoNu0oGs14XUwX1eR"
    "g6aFq4EsWGBDMl3HAaOVfpVARSfqKkpT165kPf3s2p1dSTTZtwqMLiynjXUOhTAitozmuc"
    "9VwHSrP3QVpe0WmrYSomc4nrruoxY5l6xNv7zfwvnOouhRd3Tc+utzGR1BVKmbVCPW1Oxq"
    "jA4TDF9bvztyILinVMHD7sEcemAnmGsXPMLFu0+r4zTJn+EhnMsrlC46pxMBx8VTinIK8u"
    "qfcEcQJVz6Pj4R1A2OB6Ujd8H52fDL1eh2eHn6v9rp6PKnC2JviM/0XNY5kwerwzxV7Wsz"
    "hXpLqyBV7etb5DonUJJRQKi0zbA7p0kj7GqWRC2JWB4kvxRhbaqjqQzMaboO4l19tnKodU"
    "lpBCyJOkBxvTd+qaRt6IPvmtd3N+WBZ9dVwu9+Org5HZwN89zu9Rs6gYdPaOPE/r+15s1y"
    "4FrD5paYEAHRdwhQFYC6mHaBa5NhGEwsD+E9cEnm80CkSuwCJ/gzBM7MtiWqZEbJpkTL5k"
    "KpRkHLj4IOkLJUTqyHt2Ks/L3fPzw87u8ffvh49P74+Ojj/lI0ZW/lyaiT889UTCV2hQIm"
    "TUuKhXq9lm6+ATYS6MbjlWZTANwZRIgIdBl8GZIOQtwvltPUz8tp6nNymsgu5koVbC4Jup"
    "c3VotBJJu8pBKXNk9c0seuz/HpiEFfEijUN0AdIWISQV5A5xa+CJS+BFEXREqep2z4+20+"
    "6ktH2cXo8nM8PM0KPupaiS2TR9sFHmxn61RBAzED2uk+LhI0UD435XNTPrf1PrcgYUzkco"
    "uzydZ53KbxuHUONzG2RVxeHkFOR0uBHK4/xtMl5+N6Kw6u2qLx8kWgG1Z/Nk0A1N1ISJWK"
    "Ma0iC/aKzG0Wqdwq23arKOVbjH53le/URi3D9hSpqmVuTopODp/HUrk6KTIlSguJUmXRKo"
    "tWWbTrLdqgvEdk0ca1P+ssWjseV69Fix59Zcm+viVL9kWLX8QtrptnSJRo5Z1OHS7tojpB"
    "NLyDfoHqsy7+8nUHyx3Wy5Ko5cpZruR3YW3uWQbH45LbPi5JqBrIQXZZZxvI6XbQ/YEo/y"
    "VWMZ94e+u5LWd6U20qUCTKwSwiV0BnNjnaiLYcyDxSBbCgUW05iPnECuQ0yKtWkSVA5hMr"
    "kNMghz0HymHMpVUQpyFWHrLqMZ17rukbWLKpXIJI4ao8j9vzPHIWbwW4Xq1m6iiyyW+2op"
    "58FbRsSrfk63L3pnCfrwK1sDlRl7Gi9lNVa+wmmqtreNUea6E9wkShlqh/2LpIC46GFWpC"
    "RAYDdwJ0B0S9gSauF/QBuqdNnO8BkRSYdg7CTBVudCvUToCFwPNUx/Rfmn/xLlvBW+NzuP"
    "2FIgCYwI/qL/RKcaCIFUVjFtFwFbNQPTCUDfH68LY+e8HHY/dF3ASDuZ2/rwYDZdpgDBwQ"
    "jAbPnoUxJLuXs+quR2gdRMjJWKCj4HrYaw9YmOxtc9fDKLuLbj7lnXPn0G4aHlHfFmDuj2"
    "0LTSEiG+xsRqc0AW10CrBL6S0PjD1XNw0d0Y35nrwI1Gf39KmWeecELCfbuQnI4p/NyWYd"
    "z0cTDe+/D17BMulujYNHzukzDd9DZN/fuUcW+WDuhXt4Nq0jeDodHbfmWF1JN+lgXySmUL"
    "06GtmrY8XEwlkNSwqlJKheHa8L7lxf2ERCZvEV19szJBtV3DcN6m2X3KsqCPGq724VRHpn"
    "l+F7mlbVQTS5DoKq15AaHhi+cFids4GlCbdWC9H7YeI7oQYe2ReB/YD2wvM69sKjZ7Fm6D"
    "6CP/ZatOdlLOTXsebiiBHHkmOCSWIrjold1ZqErjyM2/QwKk3gLWoCqoN517jOUQuyEcpX"
    "rIB4XSFasyUb/CuBbDy+g26CWipNg2oGTZ+5vsMTWHnVEGnSjesh2mO1lCqHCPEKlW1Dqo"
    "g6S9m9OurDIh1VxA1VGnEwdCn5wVhnY9+yseWgPfq82gyxbXjEJAwzxgpxqD3qeguyKp4i"
    "G6l8os95PNsFnayF0r9QatSqhFkdl7jdpKjoTECOzb86LVBs8nurMfWWnTP15gjr2EdsqN"
    "KDBrSeiM3BHm0tHZVUngLlKVA2o/IUvHmuF/IULIVw8cSCmGKLR4BcD//5lfzU4dl2wgEH"
    "Hwqo/wdptjEN/z5kTz2LtrYyfckSpCoe15zPKStFPUjMJ7OcByNDq1wY7PeWdWGEgJX8qB"
    "Kk6qNq8kdFFj41KTX5tr9Zyu65qurqUKvy5usoxU9ZuHL4ishLYd20Ra1KFNpRopC7nitA"
    "+IKZql1LuCjGos94g9JnVbj7aj5XUdfPJJ7rfK/b6vsZPU1TbtVtu1VV78Q69KktHwTSsB"
    "0naQkcFTIEjnLsgCPO8ZQWEjepzbG8kmTdA7t6H+EqeFrG6mLolKgQdkHTZA2ugEjBWtTM"
    "igCrwAxYha1bhnBxK4BdkOttrWR7+CrM2I7p+mmAM3KxSSX3166PyY+89m2+8cDczrcewo"
    "GaF49UFRttEqV5BoPKwxBD386IvMrDeItcL5KHoQoLai8scD055wtLsj3V/2C/LT2PaRed"
    "J86iPXFdG+oOH9QVUQrSMaGqC9NYKdhumP1kNLpISJ+T81Tfl8uvX06G1zsHqYQH7ok2Uu"
    "UD8XhVPpBgQBUNNVQlR2NYQRt3OdzCDDE7WBrFkspZQl6T/KgwpmnQNDbP4oUlxfwRTqCY"
    "VSuzPPhA/inNKoZcMapyRtH7uk2gN6E29+DEepH7qET0ilWVsypsLSljya0oOmjLVR8kY1"
    "JmpL6BNJ1a+5Wv/SfomK5kxmiCRqUxro2vhXhVEAD6dTlRu/AtGvxJLCzpxLotRH5uIKb/"
    "hLznR3+WQ3aLRIAQO3p942WAyGAb0lbGYMcywcG7T0EH4kfHHSN6BEHQjjicGxB5bjkwaG"
    "NML9vWBBoLIh843Zerm1fFo5oVj6I7O5rbFuZsvEJwk0Tb86MeNhpkxrVHsRF2TMhzpaYo"
    "lT+1uD9VNww4DzZIbWY5PuZhL1zRfOItRgj6bYkQLE/zlSowTlJtsch4cHEx+q0uZbz+Au"
    "Mgm+iZ/EL3WTP1hcyS5hNvUVi3ZUXPLePRn2tTl4yVxJhHuj2Ej1sCsMp+EEPdreyHjJH7"
    "OtZYfABfj2OGLe/t5tlfiB1Vb/EOe8Alc2qbMoG2lpKne57FqyMVqzMMSQeLIIqWnudVnm"
    "eaJZJhj9Sj4fizsRzYHNLugV5LghSVYvNSG2+SUm28Tdl4iySbks3MeoJeKb6naVUPleZo"
    "WFlOZ1QHuTiNiFzVRK2P2WS1tgzu0uGb9NnkLUS9aCRHtPRkq3kqbZagzu0ub2qJGiakMV"
    "1vcm2racLSxFPmlmqZ0MLNSVWZby2cF0smKWxTVArZ9UoV63XbUJdi3XwtA7moDpVaYKrY"
    "vHKEG11sHiV7cXSuVRqYWNta5Zyp4vJWic881UoVl4uh766/T4VXu8Z1UXg1UShHZLpUyC"
    "oarw4ETMVN1IGA2w5LqSLzrSVFPsPx1HUfNd+zZVZ0iqyT4daCCzt3ZWeWdgwcgkSjkjq7"
    "PUvZSdSrkSYSeUaM2Jlb2iPk5ffJBAkGc4sYye3jhDA6kBtQ3BCsEhGtNsLG9mvbtGF3sk"
    "dcB8GKBV2UasDtJSCD2G/hfGfhdF36Muv0HqVR47iROMCK/Ukpri4KeZZ6IwcCSM9QBRPX"
    "Ay75i2lA8AnoIHRTfYdANP9XzwZkpB7/DZA/Xs2Ygrvi6e+cHfhCfo69CKaKqt7wswssBB"
    "DE7/bA2XJN09vBKCr2AHbTTwe6BwmRg+8cywGWGQ7cBVA3pkCfYEpEZqdUY0jeHgILk7cx"
    "DAhNSEcTSC2b/B/9ZQ+uaxasrmOP6HTgCya2P4azOf03PK9zmcyQPMpTOfK26ciLvyJuxC"
    "nvZKQEmTL115r6gXSQgXhJ0EFjv3p4x67JifPfErkjKBOLxncC3Dxn4/D324SFn2nVsPQ1"
    "XowuP8fD0/0bUmHqdhz7eTW8PDu//NzbypKuviYv2i+liksZku2lAbSl/M7WEdY8iObkMV"
    "ATLWIhuCJy1XdEADX0PF6zEbGUSFJ1zytV11mLafU6A3l+cI5DrrLxmxOQy8ZhVfRd/MG1"
    "Mw6rou9vketFou/UrwWpyw4TKS2zmWYIt7afMq3qIgdf4LxDe4FJi/YM3/Oo39/QfQRr61"
    "9Xt8X5GgccN2xPrTz9mfGBSqZAZykVwFmAVY9F1WOxMTnP4h6L3JzydPxlQ3SjmNNNatZu"
    "Qs0RjwWT+CtAumPx+DS21RSVxua37T5UGqQehPO2UKdvQrA6Rm99zJrBuXjoOna6FA9hX4"
    "1ubmnAVwfxHEH306n7TKO2RKBCM+yXuow36w56puFe1wPP0wW950HwrCPguA6nAWtdDykS"
    "L2Yj+tKR4BPr4a0Eg//e7x8eHvf3Dz98PHp/fHz0cX+pwmRv5ekyJ+efqTqTMHnWh4yjRV"
    "vKE5Gm7aAvor2+h6zLqXywRMVJChlk0iESFR2Rjo6Yvhee3TCTWcApKlVUzVm9uclDYmRz"
    "c4feLrI5PgVWM6rG7pVIYm0a1kUNs9Q6a1JFNc/5ILYx0j6K9QZG2ldS4EAHBwyuzsEjXK"
    "xyVD+FKa3LYxewO7cMRG0A+p5oFyDDnUMTED0/OKIBLmh+6o5Opjr7cn6ZsS1qeMadE8wW"
    "zELMlMAW/54YLleD69vL4TWI7lrkAdHZfd8hev/X4eXZKHHbfXbAs+s9vlOHRzQwTVVFvM"
    "XQtzP2qSLeb5HrRSLekhWkm1SONo6rWykdlS8Z3bBUtPEwV195HuoxWYxzjnpeUmz/cMHX"
    "cYfVc4RmWHsrZ5ImiZRFut4ijRCrwCAtXObcNISL2qHJxVU+RKjKWF8zMjggyBvTHsdKj+"
    "7s5hnm+mqMaoLWJhG4m2OUkq8HSR7XzJB0UZM6OiqiSR0diTUpei+9oc9lEI6GdxDdWk5L"
    "CfKDeYWpYkWVIVGaqqSmKtFOpvrN7Nv/A1qBOXI="
)
