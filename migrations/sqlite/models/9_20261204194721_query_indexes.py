from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX "idx_fulfillment_order_i_376fd1" ON "fulfillment_order" ("order_id");
        CREATE INDEX "idx_fulfillment_vendor__24090f" ON "fulfillment_order" ("vendor_id", "assigned_at", "id");
        CREATE INDEX "idx_fulfillment_locatio_e13825" ON "fulfillment_order" ("location_id", "assigned_at", "id");
        CREATE INDEX "idx_fulfillment_order_l_744ad4" ON "fulfillment_order_line" ("order_line_id");
        CREATE INDEX "idx_fulfillment_fulfill_3c66b1" ON "fulfillment_order_line" ("fulfillment_order_id");
        CREATE INDEX IF NOT EXISTS "idx_order_email" ON "order" (UPPER(CAST("customer_email" AS VARCHAR)));
        CREATE INDEX "idx_order_externa_04f55f" ON "order" ("external_id");
        CREATE INDEX "idx_order_event_order_i_a7c22c" ON "order_event" ("order_id", "id");
        CREATE INDEX "idx_order_hold_order_i_93eb64" ON "order_hold" ("order_id");
        CREATE INDEX "idx_order_line_order_i_b67cd5" ON "order_line" ("order_id");
        CREATE INDEX "idx_outbox_even_stream_346a22" ON "outbox_event" ("stream", "created_at");
        CREATE INDEX "idx_return_status_86c631" ON "return" ("status", "id");
        CREATE INDEX "idx_return_receive_640d85" ON "return" ("received_location_id", "id");
        CREATE INDEX "idx_return_order_i_be346b" ON "return" ("order_id");
        CREATE INDEX "idx_return_line_return__0eecea" ON "return_line" ("return_id");
        CREATE INDEX "idx_shipment_fulfill_3ab7e7" ON "shipment" ("fulfillment_order_id");
        CREATE INDEX "idx_shipment_li_shipmen_22768c" ON "shipment_line" ("shipment_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_shipment_li_shipmen_22768c";
        DROP INDEX IF EXISTS "idx_shipment_fulfill_3ab7e7";
        DROP INDEX IF EXISTS "idx_return_line_return__0eecea";
        DROP INDEX IF EXISTS "idx_return_order_i_be346b";
        DROP INDEX IF EXISTS "idx_return_receive_640d85";
        DROP INDEX IF EXISTS "idx_return_status_86c631";
        DROP INDEX IF EXISTS "idx_outbox_even_stream_346a22";
        DROP INDEX IF EXISTS "idx_order_line_order_i_b67cd5";
        DROP INDEX IF EXISTS "idx_order_hold_order_i_93eb64";
        DROP INDEX IF EXISTS "idx_order_event_order_i_a7c22c";
        DROP INDEX IF EXISTS "idx_order_externa_04f55f";
        DROP INDEX IF EXISTS "idx_order_email";
        DROP INDEX IF EXISTS "idx_fulfillment_fulfill_3c66b1";
        DROP INDEX IF EXISTS "idx_fulfillment_order_l_744ad4";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_e13825";
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__24090f";
        DROP INDEX IF EXISTS "idx_fulfillment_order_i_376fd1";"""


MODELS_STATE = (
    "eJztXX1zo7a6/yoa/9PsHZ/Mxtns7tl2OuO8dJtzsklOkm17b9MhMigxNxhcJJL1Paff/U"
    "oCbAECIwwOEM10ZhvQI/DvEY+ed/17MPMs5ODd8dz+J1oMPoF/D1w4Q/R/UneGYADn89V1"
    "doHAicOHwrltPEaDJpj40CT08j10MKKXLIRN354T23PZ4LELxpengI7fBReuswAQXP88/t"
    "vo4D2YQjwF3j2wCQYYmT4iwKb/RzwfWbtsdssz6fS2+7DJRLfurXszRfGNKXQtZAEv4GPu"
    "vBk2fpgHE8c2Ddv60fjBp/e92Y9334O75eU7cG+7FgZkim5d33sesv8Lnzr3vSfE7wAfYc"
    "JfO3DtPwNkEO8B0es+ffnf/6CX6RToG8Lxn/NH495GjpXggm2xCfh1gyzm/NqpS37iAxki"
    "E8P0nGDmrgbPF2TqucvRtkvY1QfkIh8SxKYnfsAY4waOE7Ew5lX4pqsh4SsKNBa6h4HD2M"
    "uowxdYXRsYxvnFjXF9cmMYgwzrYwqBidEl03PZsqGvivmvf2Cv8LfR3rsP7z7uv3/3kQ7h"
    "r7m88uGv8NErYEJCDs/5zeAvfh8SGI7gGK9ApXxnSBiQZME9pneIPUNyhJOUKaStiHQ3/p"
    "807jHKRcDHF1bIr76jbUBPf6DFvqaI5QU435x+Obm+GX+5ZI+bYfynw/Eb35ywOyN+dZG6"
    "uvP+DbvuURERio7lJODX05ufAfsT/M/F+QmH18PkwedPXI27+Z8BeycYEM9wvWcDWsLqjK"
    "/GqNGRK64Hc6si15OUmutt4XqMkcD26O1XXF/K7CzTj6bQlzM8QZTiN8WtCodfVqDO4DfD"
    "Qe4DmdI/90cF/P1lfHX08/hqZ3+U4tl5dGfEb/2VADncSg22AarAnCKrB+iX/pQSUL9/Vw"
    "Lq9+9yoWa3klDzfxUwjsf3ENzR27cl0KWjcuHl95L4+p6jhG88vof47r0vAe9eWrav0GW3"
    "kuA6ngnZO1HJirMg/+P64lwOcpouvQXbJgH/AY6NM6puXaAPfrgPXJO9A5gEtkNsF++y5/"
    "04aIgVBdAznBK7bwz5zpfxb2luHJ1dHKa3VTbBYYo1JrWDXOSoLH2BpNLqj3bAdi7++iW3"
    "j568x0r6Z5KyBv2zZch3V93MWhkOxMQIcCU+p2k1p9vM6SfkWp4vtSxyPTQJmvWOmvYztA"
    "5XDXN+3T9KPTUhXlmAf/J8ZD+4/0QLjvMpfSfomjJFLHJj/rKcqFv4/hWvoPjq6hV9+Lx0"
    "GCYXFv359EcjwgG4ogv96vSIAs1wnkDz8Rn6lpED+DOaTD3v0cDBZPm+ElXtMJrmp39eIY"
    "erZvnQ/xpOeS3M2EHVOI8RHFVv5AloJnDO3pqNZukr0IUP/CexZ7MnRdAdsUXthABfIYoD"
    "JgOJj142bFjksDcFAsMXKNZ676NHUaQA5QzBAIL7wLm3HWeGXAI830L+d/QqxvTzRAhAh7"
    "mWFgCaJppTZtM7j6F3PB6S8evX/4hb9972MfnEL4ZzUnmxYA565D9RisAlthP57DkYLBSw"
    "nG/Hpx8TpNvyG/pwOuJ/kUmigMR6z/7vA+HlDf7yjJA+nwR48Id2/G/T8R+hrmDjrCi2Z+"
    "BTkf2vr1Rqnxw3ZVw2befTDxKHUr60G2VJoR0pJQCeIYzplqGCsEDSP2t9720pXyAblo/y"
    "W4k3MNwOqEU2Wagt5yRdDxf1finE9wsA3y/Cu4qXJEnbwzhdn8xn6OJn5FfidIpUu0k6wW"
    "c1CZoi69+W1Yj8DFEzKqgHWcr+Qd6UlpCx8NScgnnklfyDbduyGnYQSo3rDX2FP63mvIin"
    "7BjqZd2GeUsv4UE8Gl8fjY9PyjkQHdtFGzoMJe6sMzprj9iwbachh6+c4zBGWs15aDgx2V"
    "oP4s3SBwfxI7LAvecDz6X/oaybD7Bps5m/1aaQ+Op+HwjOz+y3wH/UHzpV9wU9dn8G0CU2"
    "kaiOudCKJHoLXWJcpK6whb6pziLMoVGXoB5LSiWYk0Qa1/UKoSjQN1MDc6JqHYO7rCaYXG"
    "ly/W+9EGlA++6Z6rdeAxcEqaoa3qha6bn39sMvyMchElllMjGgWIXkQ40nYez6ujGAKd4O"
    "Ar73DHZsC+y9Ac9TDyNwF81zB1hG4gPC9DpdLPQqgIA/k9IEhAWUWaSYaY0ZlbLW2W/d8A"
    "cGPhceMeEnEOexDkGYrzGMSQ0/cNDqL4wI+xfzWrVjqhtNIH0T+rIPD/RlwLNvEwRsAnZm"
    "9kP0jI9vhsB2eQyb3WavQwF1MTTDB2IPuF5I6QOqwt+6VGummjAgXhgXH1+ehmVsR2f0fy"
    "w08wBGyKIT0ctUMuDvKGdM4vk2hQC6Fv31rHTub+zztcDXS+ZsBNBx2I8PXLILTqA5jX56"
    "+FweyfcRnoKwpo6usNmEvg39BVQfp8+GLoAWeyJT5T/R0RH0FOZHRN94wmr8hF/FSAgFzX"
    "HoG7BVPmQBej7KikFDM7qCWFIAfWMfsU8NWUMW3ucsvHX51AA+0E+UgwRZBZ+JMAZTz+Hv"
    "QnGGzjNcsFJC/htmNp5BYk51bV8LDQZBpqQ8EPZDQVrekqhPOtbfR6P9/Q+jt/vvPx68+/"
    "Dh4OPbJdrZW0WwH55+ZsgPRZdojib2MptTxmUn2Z9kbr38LUrqWFy/S124q7Sj76jEmEIf"
    "sUpk5pvg03wC6BudwVmEl+6XewKXUOG2wIuVEck6PmqfvUz+UjwFGx+nLQ3B70Jupnh1lT"
    "AT5k+x+A2/Eb13HLSj8iy8vBwlXBQfmUO3enrOgMQcsocIM8huC5k/tvkYzA30bW7T3Ys9"
    "hg8IV4XO4NKl2y0R+t0s4tWl26+R62VKtzuSrXlxeXI+aIq7TSdqxuanesJmhrKHOW6jcg"
    "kDo6KEgZEkYSClsijlPiVJeyjRuivBJMlPMbdkHxdj9BomS7+sBJP7xWDGtPS3IirnSl+K"
    "SKhzBFv9mUSlNlXkYZJU87nNfJ5Ds1oFfIJQ87jNPMZTez6vxOQkpeZym7kcV0FWqtNIkG"
    "o+t5/PVezDNGH/0snr76MWgVYhfT9L2T+8m0rfjxJaq3mVU7RamrVbmkFrYdx7vhHFdKrs"
    "XtIpNN/bzPdsBE/V/pBNoHneAZ6bnqW0kabI+reLlokh5IcQMhEEAS/6WRCWbiUJ2eTGvf"
    "PIt5eG87Yp1GvOHxd6YCrgm6LSLceywFao2NRVmmsw1b3xmq90qKvcte81ruvrWmVitgZg"
    "z4SpurVyy0Kb2l1y+g5mBUMN4OqGjuXqsWXVuvXXZ/dIfCSlwebV7D2vZ8rEftgP3RCy62"
    "iaPsG0zez3vHL/vKWokAVfvtA/H7JqTTNXOddCXb5OvNaF+N1S6GWh8grYyki1zyQN8Co6"
    "UwFiObEGeX07Cd39qllflXq7Dt2io4KDRfcW28iCVestJl/ldbm3emZ0paHeuHFEjr9AN3"
    "N7adPu1EKzuUeQay6ukEn5PJDYddlBwyKjzl4NN/zV+FK1zXdzB5qIf1N3YI58sBOdAjZk"
    "BzG/CVtJYPp67E/gIxL4Ll5d5AtVXtdc28zSPm/CWWXspGrd1E0X8bZSyHS0nFMX8b5Grk"
    "vycDIu4Rc4V7J13G34YEm2oSnAGw3vIbTNHAgcNcZTPdw6TddDvOtfyjoXR6eNtMqmbl8f"
    "xlP3CbnE8xdnyHpA/olL/MVAZhTKxg0L7cKYgn7hjKTxMJ+S1VXUv61nhtcW+rYNC8wzii"
    "Hr7MiWPIEqkjhNp2Ml2SbQ4YmTythmCTW4WXD1qYONlify9q8q+C4J+ldG0ZCtcY98FKld"
    "5RexQKSBLgW06xEljOPx/YP3oBS8BwXwHkgqarWDt2euvjIOXgc9IUexPEkg0cb7euOd41"
    "WD8S4Yh9GEHcO5dIWCsMCUs+i3ZMYzDhQb8BGPypnu8eC18dxr4pmPcfvoue9ZgUkAJPzP"
    "uLIjG6stRcXOLbiL7ME73nv6LrZg7uhIZwH4AQrR6QCxiwA822QK2NkEdzLvxR0woe8v+N"
    "EGcdiXm0OYd+5H7LwB/vMB+jOgP5mNunVxMGNvy04LC90a+UFisfYn+mU6Uqwjxe2UgD1W"
    "JHSkuG9cLxMpjrYLdYej9oYVuRorOBk1oNJqDXiPyMLATP9RADVNpoFtT2eL1kn3mpGNlF"
    "g1YJNEGtcSVvmL9AxoG8jNNQ2IbbHN4b1czdRTdJNf7waNA1Y5ANWT//NyEHqCfaOZ/0tJ"
    "IHENiVIi3ymUOAGrNXkc2ieifSLaOtY+kVfP9TI+ETqSToYN/neG7wWJFym6/sWtG0kLiG"
    "FjdY97VfBeEmrAlQEfVQV8pAFXBtyU9sJYj7cpb4PRA7j3yjaXL+otnwe3jx6k/oH1gK8o"
    "NeRKkLOdGDrK/Z9zyPsH/qicdCkQLrmyxQtiQ19ZvKxIe4h4GcDz8c5d6BSmaks8Juwf1O"
    "/KLO53+Yv7XWZxM1cXCWSy5CfHg3kxCoEoBfI9o+oezAWwHl98PTw7AZdXJ0en16cX50lj"
    "it9kl+gFO/ZHjs8yoSD3oQLMIpXGuQTOqrviRttgy9xzDZewqprqG5norXPFNG/BPNqyHJ"
    "GCcndbmiHSB3zrPw8cmsR+kizfQ89zEHRzq3wiohTGE0rVFMixyNiu7D28uDhLuA4PT1Pl"
    "ledfvxyeUNTfJGWwvPknDhujyVpsFQGeJtWwl4c9PsnJZSjIyoyLgM8SbxH65ZXuYu/bnq"
    "/WhFUk2V4qyt7bruROWdB2FoYJ51Du0csFNkuoj1zJwssiYsb/KdrXCaLtqR2DrzdHgw4p"
    "zZmEqjJZKZmmojWfztC9JZ+bnCKu41R90Iag9bZ6TKYp1LHK+ry0fGQim3WmiFpybobUFZ"
    "+kR1A1mSIWLitJfthyveUnhy3bQK2vExwDM8DEmyE/7LL6PS+/u4vdyP91B8K9DwPoo7A0"
    "j51OwOr0ojHZKsKa5ixzlIjQTlBIgPqDHSeCCSQBlt1JJs3YVnhVmEo+gMJMvwUqZmf0fT"
    "xLNjP6RpDvQl6U+gf7kJLMRt/m7NdR6PmlwdfLS6pbH42vb3ZuBzFmBppR9e12AMbXINpV"
    "37xhswmZd9+iptt8KGd99KUN+FMoz/kff+nkPZ281woR2tE0Lp289xq5rpP3WhcY0Ml7On"
    "nvdQCuk/d08l6/IdfJezp5r2WI6+Q9nbynk8p08t7L4+wGs4msMrsgx2xJUYu0aFH+Xv1N"
    "jvWBNY2nSIoucAWYU2T92/gaMRpXMY6yOK8otpi8cHlyfnx6/nmwHaDLLOlR/pIeZZZ0Mj"
    "KjJDwylD2UIfulDJb9AotlP2uyLJFTdbBmCLUoKSVKphAbcRjWiAyRLO6FGZR5U+g8SoU8"
    "SkmUuezSl5D2UNzUnxhvBj47Y0HJLyLS9BDk/TISPV+eZ/SUYEI8AiV75zEy7Rl0cpQVgS"
    "wdHg3pdiP6DgJeZEhSA/LL+Gxn791wlBIYoosktYr5YdyG+kE5GcL+7ZgNyIzw6PNq2R4p"
    "2hoi/y1Dv7uB/mx+R7SrVuJ0mlZzus2c1gcHCQcHlTw5qPDooMweReCDxKj4x/XFeU61RT"
    "Q+/d3YJgH/AY6N++VAZkAkPpYYzZ0v49/SQB+dXRymvwI2wWEKc2oMQJayqIK7SKOxr459"
    "VGZQrQm2nFhXcq1t2ZwCThKxarBzc8ugzqtdGKZbC0sX2wYthltQzNVSi29NNZeFZnOqWL"
    "jmgppkJoVu04Ku1YRXfL6+Iocsm9QDGV9gJ3S6ngPGKv1qgYpN1FeUpp5Ty3r62XN6u5JY"
    "sm8dGJ3ZbhfrHEphRG0Zw/ee64DpBj70FaXtFpp2EqJnNJl63qMROZfsTb+8X8P5jqPoUX"
    "903ObrcwUdIa9SN6lGrKnZNQQdhg9fW7974SJwx6j4w+7AHPlgh881BI9o8ebT6jhN+md4"
    "COfyCqOLzunEwPXIlKGcgrz+J9xSRCmXvo9PBPX48aBs5BCcHp98uby4OTk/+m/j6OL8pz"
    "Nqb+Sf6bmsc6YP1od56trXdgr1jlZB6trX18h1SaAko4AwaZthd0GTRtTXLIlGErF8RH8p"
    "JsYU4qkKzGm6HuJdf7ZyqHUpaQQiiT5Acb03fqmkbeiD75vXd5jywIvrKuF3PxpfH42PT4"
    "rc7s0bOtzDl2vjxP6/tebNcuBaw+aGmhCc6DsMmArAXExD4Dl0GAH3to/JLjin8/kgUiWG"
    "wOV/hsBZ2bZEtcyo2JRo2Vwo1Sho+VGwAUqWyqH98FqMlb+PRvv7H0Zv999/PHj34cPBx7"
    "dL0ZS9VSSjDk8/MzGV2BVKmDQdKRYaDDq6+XJsFNCNx2vNpgS4M4QxFegq+AokPYR4VC6n"
    "aVSU0zSS5DTRXcxTKthcEvQvb6wRg0g1eUknLm2euAQnXiDx6eSDviTQqG+AOsbUJEKygM"
    "4N+paj9CWI+iBSijxlJ7/dFKO+dJSdXZx/joenWSFH3aiwZcpo+8CD7WydOmiQz4Buuo/L"
    "BA20z0373LTPbb3PjSeM5bnc4myydR63aTxuncMtH9syLi+fIgfxUiCH60/wdKn5uF6Lg6"
    "uxaLx6EeiG1Z9tEwBNNxLSpWJCq8iSvSILm0Vqt8q23Spa+c5Hv7/Kd2qjVmF7ilTXMrcn"
    "RaeAzxOlXJ0UmRalpUSptmi1Rast2vUWLS/vybNo49qfdRatE49r1qLFj4G2ZF/ekqX7oi"
    "0v4s6vmxdItGiVnU4dLu2yOkE0vId+gfqzLv4MoEvUDusVSfRylSxX+ruIMfdtU+JxKWwf"
    "lyTUDeSQuKyzDeSgw7s/UOW/wiqWE29vPXflTG+mTXFFohrMeeQa6MwmxxrRVgNZRqoBzm"
    "lUWw1iObEGOQ3yqlVkBZDlxBrkNMhhz4FqGEtpNcRpiLWHrH5M575nBSZRbCqXINK4as/j"
    "9jyPksVbA66Xq5l6imzym62pJ18NLZvSLfn63L0p3OfrQC1sTtRnrJj9VNcau47m6htejc"
    "daWI+wvFBL1D9sXaSFRMNKNSGig4F3D6ALot5A957P+wDdsSbOd4BKCsI6BxGhCje6FWon"
    "wMbgeQoJ+5flX7zJVvA2+Bxpf6EIACHwo/sLvVAcKGJF2ZhFNFzHLHQPDG1DvDy8nc9eCM"
    "jE+5bfBEO4Xbyv8oEqbTDGLuCjwbNvE4Lo7uWuuutRWhdTcjoWQMyvh732gE3o3jb3fIKz"
    "u+jmU966ty7rpuFT9W0B5sHEsfEUYbrBzmZsSguwRqeAeIze9sHE96BlQsw25jv6IgjO7t"
    "hTbevW5Syn27kF6OKfzelmHc/HEg3vvuevYFtstyb8kXP2TDPwMd33d+6wTT+Yu9w9PJvW"
    "wZ/ORsetOVZX0k06xBeJKXSvjlb26lgxsXRWw5JCKwm6V8fLgjuHC4dKyCy++fX2AslGFf"
    "dtg3rbJfe6CiJ/1fe3CiK9s6vwPU2r6yDaXAfB1GvEDA+CvklYXbCBpQm3Vgsx+OE+cEMN"
    "PLIvuP2Ad8PzOnbDo2eJYcIAox8HHdrzMhbyy1hzccRIYskJwaR8K06IXTWahK49jNv0MG"
    "pN4DVqArqDed+4LlELshHKF6yAeFkh2rAly/9VQDYe30M3QSOVpryawYAzL3BlAquoGiJN"
    "unE9RHeslkrlECFeobJtKhVRZyn7V0e9X6ajSn5DlVYcDF1JfgjW2SSwHWK7eJc9rzFDbB"
    "seMQXDTLBCXGaPev6CroqnyEaqnuhzGs92xibroPQvlRq1KmHWxyVuNykqOhNQYvOvTgvM"
    "N/n91Zhmy86FenNMIAmwGKr0kYnsJ2pziEdbK0cltadAewq0zag9Ba+e66U8BUshXD6xIK"
    "bY4hEgVyf/+kp/6snxdsIBe+9LqP97abYJDf/eZ089i7a2Kn3JEqQ6HteezykrRX1EzSer"
    "mgcjQ6tdGOL3lnVhhIBV/KgSpPqjavNHRRc+MykN9ba/Wcr+uaqa6lCr8+abKMVPWbhq+O"
    "aRV8K6bYtalyh0o0ShcD3XgPCZMFW3lnBZjPM+4w1Kn3Xh7ov5XPO6fibxXOd73Vbfz+hp"
    "hnarbtutqnsnNqFPbfkgkJbtOElL4KCUIXBQYAccSI6ntHF+k9oCyytJ1j+w6/cRroKnVa"
    "wugU6LitwuaIaqwcWJNKxlzawIsBrMgFXYumMIl7cCxAW53tZKtoevw4ztma6fBjgjF9tU"
    "cn/lBYT+yKvAkRsPwu1i6yEcaPjxSF2x0SVRWmQw6DyMfOi7GZHXeRivketl8jB0YUHjhQ"
    "Wer+Z8EUm2p/rvve1Kz2PWRedJsmgPPc9B0JWDuiJKQTqhVE1hGisF2w2zH15cnCWkz+Fp"
    "qu/L+dcvhydXO3uphAfpiTZK5QPxeF0+kGBAHQ01dCVHa1jBGne50sKMfHaINJoltbOEvi"
    "b9UWFM02RpbL4tC0vm8yd3As2sRpnlowf6T2VWCeSaUbUzit2HDoXeQsbcR/f2N7WPKo9e"
    "s6p2VoWtJVUsuRVFD225+oNkQsqM0jeQptNrv/a1/4Rcy1PMGE3Q6DTGtfG1EK8aAkC/LC"
    "fqFr5lgz+JhaWcWLeFyM81IuyfkPfy6M9yyLBMBAiLo9c3XgaYDnYQa2UMdmwL7L35xDsQ"
    "P7reBLMjCHg74nBuQOW57SLexphddux7ZC6ofJB0X65vXh2Palc8iu3seO7YRLLx5oKbJN"
    "qeH3W/1SALrj2GTW7HhCJXaopS+1PL+1OhaaI53yCNme0GRIZ97oqWE28xQjDqSoRgeZqv"
    "UoFxkmqLRcbjs7OLX5tSxpsvMObZRM/0F3rPhgUXKktaTrxFYd2VFT23zcdgbkw9OlYRYx"
    "np9hD+0BGAdfZDPtT9yn7IGLkvY43FB/ANJGbY8t6wyP7C4qhmi3fEAy6FU9u0CbS1lDzo"
    "+7asjjRfnRFIelgEUbb0vKjyPNMskQ57ZB4NN5hN1MCWkPYP9EYSpJgUm1faeJOUeuNty8"
    "ZbJtmUbmb2E/Ir8T1Nq3uotEfDynI6ozqoxWnyyHVN1PqYTVZry+CuHL5Jn03eQdTLRnLy"
    "lp5qNU+tzRL0ud3VTa28hglpTNebXNtqmrA08bS5pVsmdHBz0lXmWwvnxZJJCdsUlUZ2vV"
    "Ilet021KVEN1/HQC6rQ6UWmC42rx3hVhebR8leEp1rlQaWr22tcs50cXmnxGeRaqWLy/Oh"
    "76+/T4dX+8b1vPBqolCOynSlkFU0Xh8ImIqb6AMBtx2W0kXmW0uKfEaTqec9GoHvqKzoFF"
    "kvw60lF3bhys4s7Rg4jKhGpXR2e5ayl6jXI00U8owEsTO3jUcky+9TCRKM5zY1krvHidzo"
    "QGFAcUOwKkS0ugib2K9t04bdyR5xPQQrFnRRqoG0l4AKYr+G8x2H0/Xpy2zSe5RGTeJGkg"
    "Cb709KcXVRyrM0uHARQOwMVXDv+cCjfwkNCD4BCEI31XcYRPN/9R1AR8L4b4CDyWrGFNw1"
    "T3/r7qBv9Oc4Cz5VVPVGnj1gY4ARebMLjpdrmt3mo5jYA8RLPx1AH1Eil9y6tgtsKxw4BA"
    "iaUwDvCSOiszOqCaJvj4BN6NuYJkIWYqMppLZD/4/9sgfPs0pW14lHdLroG6G2P0GzOfs3"
    "PK9zmcyQPMpTO/K26ciLvyJpxKnoZKQEmTb115r6XDqoQLwk6KGxXz+8E8+SxPlvqNzJKR"
    "OLxvcC3CJn48lvNwkLP9OqYelrPLs4/xwPT/dvSIWpu3Hs5+XJ+fHp+efBVpZ0/TV50X6p"
    "VFwqkGwvDaAr5XcOxMTwEZ7TxyAjbxHngptHrvuO5ECNfF/WbCRfSiSp+ueVauqsxbR6nY"
    "G8ODgnIdfZ+O0JyGXjsDr6nv/BdTMOq6Pvr5HrZaLvzK+FmMuOUCmtsplmCLe2nwqt6iIH"
    "H3fe4V1u0uJdM/B95vc3YYBRY/3rmrY4X+KA45btqbWnPws+UMUU6CylBjgLsO6xqHssti"
    "bnOb/HojSnPB1/2RDdKOZ0nZq1n1BLxGPJJP4akO5ZPD6NbT1FpbH57XgPtQapx+G8HdTp"
    "2xCsjtFbH7MWcC4fuo6dLuVD2JcX1zcs4AtBPAfvfjr1nlnUlgpUZIX9UpfxZujiZxbu9X"
    "zwPF2wez4CzxAD13MlDVibekiZeLEY0VeOBB/aD68lGPz30Wh//8Po7f77jwfvPnw4+Ph2"
    "qcJkbxXpMoenn5k6kzB51oeMo0VbyRORpu2hL6K7voesy6l6sETHSUoZZMohEh0dUY6OWI"
    "Efnt0wU1nAKSpdVC1ZvYXJQ/nIFuYOvV5kC3wKomZUj92rkMTaNqzLGmapddamimqZ8yHf"
    "xkj7KNYbGGlfSYkDHVwwvjwFj2ixylH9FKa0Lo9dIN7cNjGzAdh74iHApjdHFqB6Pj+iAS"
    "1YfuoOpFMdfzk9z9gWDTzj1uWz8VmomcJt8e+p4XI5vro5P7kC0V2bPiA6u+87zO7/cnJ+"
    "fJG47T274NnzH9/owyNamKaqI9750Hcz9qkj3q+R62Ui3ooVpJtUjraOq1spHVUvGd2wVL"
    "T1MNdfeR7qMVmMC456XlJs/3DBl3GHNXOEZlh7q2aSJom0RbreIo0Qq8EgLV3m3DaEy9qh"
    "ycVVPUSoy1hfMjI4psib04HESo/uDIsMc7gao5ugdUkEDguMUvr1YMXjmgWSPmpSBwdlNK"
    "mDg3xNit1Lb+hzFYSj4T1Et5HTUnh+sKwwNV9RFUi0pqqoqSq0k6l/M/vr/wE8TWun"
)
