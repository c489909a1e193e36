from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "order_event" ADD "channel" VARCHAR(64) NOT NULL DEFAULT '';
        ALTER TABLE "order_event" ADD "assignees" TEXT;
        ALTER TABLE "order_event" ADD "about" JSONB;
        ALTER TABLE "order_event" ADD "assignee_message" VARCHAR(2000);
        CREATE INDEX IF NOT EXISTS "idx_order_event_channel_137802" ON "order_event" ("channel", "id");
        CREATE INDEX IF NOT EXISTS "idx_order_event_created_7f6b30" ON "order_event" ("created_at");
        UPDATE "order_event" SET "channel" = (
            SELECT "channel" FROM "order" WHERE "order"."id" = "order_event"."order_id"
        );
        DELETE FROM "order_event"
            WHERE "type" = 'STATUS_CHANGED' AND "message" NOT LIKE '%-> COMPLETED';
        UPDATE "order_event" SET "type" = CASE "type"
            WHEN 'STATUS_CHANGED' THEN 'COMPLETED'
            WHEN 'HOLD_RELEASED' THEN 'RELEASED'
            WHEN 'FULFILLMENT_MOVED' THEN 'MOVED'
            WHEN 'SHIPMENT_DELIVERED' THEN 'DELIVERED'
            WHEN 'RETURN_REFUNDED' THEN 'REFUNDED'
            ELSE REPLACE("type", 'FULFILLMENT_', '') END;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_order_event_created_7f6b30";
        DROP INDEX IF EXISTS "idx_order_event_channel_137802";
        ALTER TABLE "order_event" DROP COLUMN "channel";
        ALTER TABLE "order_event" DROP COLUMN "assignees";
        ALTER TABLE "order_event" DROP COLUMN "about";
        ALTER TABLE "order_event" DROP COLUMN "assignee_message";"""


MODELS_STATE = (
    "eJztXWtznDjW/iuq/jLJltdlt+0kOzs1Ve3EyXjHcee1PZfaZArTIHezpqEDwk7Xbv77K3"
    "FHSDSioQ2yPiUGHTU853Ckc9V/R0vXhLa/P1lZv8L16Efw35GjLyH+D3VnD4z01Sq7Ti4g"
    "fWaHQ/WVpd3Hg2Y+8nQD4ct3uu1DfMmEvuFZK2S5Dhk8ccDk0znA4/fB1LHXQAfXv0z+Pj"
    "55BRa6vwDuHbCQD3xoeBABC/8PuR4098nspmvg6S1nvs1EX5wvzs0CJjcWumNCE7hBOObW"
    "XfraT6tgZluGZpk/az95+L67/Pn2n+A2vXwL7izH9AFawC+O5z7ukf9Fv7ry3AcY3gEe9F"
    "H42IFjfQ2ghtw5xNc9/PCf/8KX8RTwG/STP1f32p0FbbPABcskE4TXNbRehdfOHfQ+HEgQ"
    "mWmGawdLJxu8WqOF66SjLQeRq3PoQE9HkEyPvIAwxglsO2ZhwqvoSbMh0SPmaEx4pwc2YS"
    "+hjh4guzbStMvpjXZ9dqNpoxLrE4ocE+NLhusQscGP6odvPyeP8Pfx4fHr4zdHr47f4CHh"
    "Y6ZXXn+PfjoDJiIM4bm8GX0P7+tIj0aEGGegYr4TJDQdlcF9h+8gawnZCBcpKaTNmHQ/+Q"
    "+Ne4JyFfDJhQz57DvaBfT4BU3yNcUsr8D55vzj2fXN5OMn8nNL3/9qh/hNbs7InXF4dU1d"
    "ffHqJbnuYhURqY50EvDH+c0vgPwJ/j29PAvhdX0098JfzMbd/HtEnkkPkKs57qOmmznpTK"
    "4mqOGRGdeDldmQ60VKxfW+cD3BKMf2+Okzrqc6u8z0twvdYzO8QETxG+PWhMNPq1CX+jfN"
    "hs4cLfCfR+MK/v4+uXr7y+TqxdGY4tllfGcc3vpeADlaSjWyAIrATJG1A/RTf0oFqF8d14"
    "D61TEXanKrCHX4rwDGyXgJwR0fHNRAF4/iwhveK+LrubYQvsl4CfE9fFUD3kNat2fokltF"
    "cG3X0MkzYc3ql0H+1/X0kg0yTUcvwZaBwP+AbfmlrW5boI9+ugscgzwDmAWWjSzH3ye/9/"
    "OoI1ZUQE9wKqy+CeQvPk7+pLnx9mJ6Si+rZIJTijUGtoMcaIuIfo6kkfTHK2A/hb99ze3B"
    "B/e+0f6zSNnC/rNnyA93u1m2MmzdR1rgN+IzTas43WdOP0DHdD2mZcH10BRoNjtq+s/QNl"
    "w1xPl1d8/01ER4lQF+73rQmju/wnWI8zl+Jt0xWBux2I35ezrRsPD9nkhQcjV7RE9/TB2G"
    "RcHCr49fGqIQgCss6FfnbzHQBOeZbtw/6p6pFQAnd9yxS11Jx5ZvLcdL+oru6PMQH/Ii5L"
    "Fj5N8H9p1l20vooKlnht7PkpO5NGavyt18l43W3HT4Rsfz1IFA930sNhD+4AMf72sgcRK7"
    "+Ho4zY8AfsMz2Ovo0h1Itp1Ad0wQIRz6kSEqe6Nbn32z0/hzui8m4/EXgAJ/hMd8zn02+a"
    "vx/wlYhgFXSJutR38pz7PyPPdC0w3UB6k8z8+R63U8z5m6re0PTSl2500aTT+dXXblxOja"
    "n+S5AcK/r2Eh8qNVsL7bjqaU0IE3PqjrIa10kZZ8pPE+p4lCo0gl1GjD1WDlhSvlFuvjIo"
    "zewGTml1VgslwMJkyjv5V0qy36peQJlSeo159JyKpm+rBIqvjcZz6vdKOZA79AqHjcZx77"
    "C2u1asTkIqXicp+57MH/QKOZxqZIFZ/7z+cm9iFNKF+Eu/00sBi0JfR9fS6WRVOilA/vw3"
    "rW+GGVNX7IsMYNEvmy7WZeZYpWabM+a7NcGpRAbIaiUlHnJEyTARsG6MRQzZM0grRvbo22"
    "MVXpEd2nR6TR7y2zI9Kg+8Bktm52RP5jLSRHvJ1cv528Oxsx1WwLwF7kphqW5NaFllpdOK"
    "knZcXQArgqp6cqpycnz5YDGXHI05js/a9X0E6llA01naBzgaeUSF+UPEDkRbeE7DqeRiaY"
    "dpknFopYjVyxRBQF8sU0O6HZlDTGh0zV9PYrs+proDvIQowwGxfaPInawjO28IlHuwG2LN"
    "LdYXwwEIAz90sDiNnECmQa5LL6F1LAPHKlMbiOFLK8NvGm5OgUuputf2Ye/JY2FSsTf2Co"
    "1zWveB/2ZgdBcRPZhu9FMnuKhrr0ebMxfpoClXMTLlcugo6xvoIGftQRw+ooD6o0OaxsuO"
    "Zl42vVqNyubN2AoVjcghX0wIu40HaP9Dp6+WPYW8jHj0f+BB5Egef42cUQa3Z9SmszM4yf"
    "z/lyYNIM6i9lDqlCkz4qrYGWHKhCk+fI9TqFJk/QuqF33O24d0Pc3bAuvPFwCaHtpucOxG"
    "/qi/ePoukkxLt9UVa5Dios3yuzsIcWofMAHeR66wtozqF35iCP2RuXOW6v0i5MKPAXTkj6"
    "FYQ6tebPxfD6x3h8dPR6fHD06s3J8evXJ28OUh1QvlWlDE7PPxB9UFC/m80zjCHpO0xEHu"
    "kimpimU+5+2gWN99XQe4Di2JYJFbhlcMUT6SUusG4/hR6vA6zcKD6+KYF8CfMd2Rp30IPx"
    "tqu+EOeIFNC1gHZcJNaoNh4vH7wnteA9qYD3hFH1oRy8krn66jh4bfgAbcHyjxyJMt43G+"
    "8hXi0Y7znjMJ5wYDjXzgDPCVivOg9SHKg24GMe1TPdk8Eb47nXyDXukzaAK881AwMBHYV/"
    "Jpnz5VhtLSpyjM1tbA/ehj0EbxML5haPtNcAP6YHiKd/DkHiIgCPFlrg0ZiW5b24BYbueW"
    "v8HFnYNzSH/D3guwDqxgKErw/g1wC/cnQCjh8sk9N2IrcGP0icr62I30xFilWkuJ8aUOKN"
    "hIoUy8b1OpHieLkQdzgqb1iVq7GBk1EByiw40O8gWms+2f8IgEqTKWBpYJ+uc0DvtHvLyM"
    "abWDFgi0QK1xpW+ZPUZPcN5O6KshNbbHt4P2UzSYpu8evdpjA7zQGg4vACZca8HARJsO+0"
    "5DjVBAzXUF5L8J1CebXUnzwO5RNRPhFlHSufyLPneh2fCB6JJ/M10YNVaTr54tadpAUksJ"
    "FiwMMmeKeECnBhwMdNAR8rwIUBN5jtHDbjbbA7OUgA92HdBqhV/U95cHtwzvQPbAY8o1SQ"
    "C0FOVmLdxoiajVZOilw+8Mf1tEuFcuHqFjdIDH1h9ZKRSoh4HcD5eHMFHcPUTMQTQvmgPq"
    "4j3Md84T4uCTdxdaGApUve267Oi1HkiCiQ7wjV8GCugPXd9LfTizPw6ers7fn1eXwKfGpM"
    "hTfJJXzBSvyRk4tSKMiZN4A5T6VwroGz6Kq41TLYM/dcxyWsoqb6ViZ671wx3Vsw9xYrR6"
    "Si3N1iZojIgG/7Z1bqBrIeGOJ76ro21B1ulU9MRGE8w1RdgZyojN3q3tPp9KLgOjw9p8or"
    "L3/7eHqGUX9Z1MHs/pV+1NuL1cy3CnCaVMFeH/aVZdwHKw06BAVWmXEV8GXiHUKfXhku9p"
    "7lemJ9RPMku0tFOTwYSu6UqVv2WjP0lc726HGBLROqIy04iT51siVK/Rpb7mk/PFZwkyby"
    "4kvVrWwJmrRVTawVrA0pk1m0PGhAi3RMiFtFbofUVTiJRFB1mboUiRUjbymVN37SUtqeaH"
    "P92gQYgY/cJfSi7p//DMvCbhP35t9uQbTc+UD3YFQyRhq/k/qxeEy5uq2lOTfnTBVakuYS"
    "c/Cwz9g41VHg03dUmpVKs+qFUhlowo1Ks3qOXFdpVr1z4ao0K5Vm9TwAV2lWKs1KbshVmp"
    "VKs+oZ4irNSqVZqfQflWb19Dg7wXLGqqGtyAZKKVrRFj3KtGq/Ha06WqTzZDb4DUHP0dld"
    "HfkwU2TyLXydGI2Z178uzhnF7qR59Ons8t355YfRboCuI9JjvkiPSyKdxHc0uNQtMeVRop"
    "RQhxzVMliOKiyWo7LJkiIn6mAtESpVUkuVLHRfSwKTWmyIlHGvzHXjTaEy3gQy3kxoWw/Q"
    "W2tLiFETWkMZpBKqm/ZTmI3AI93whfwieRoJQT6qo9H5+ry0TwlmyEU6Y+18Bw1rqduczU"
    "qOjA6PRnT7Mf0AAa8yJLEB+XFy8eLweG9MKYy8i4SSYtLHytbEjzQpEcq3YnagM0LQ7GbZ"
    "HhRtC5H/nqE/3EB/Ob8jXlUbcZqmVZzuM6fjNNlmzUXZxCpDfmMrTAo4hn+5w46YPYO6ds"
    "tGprBt0bqxB8UIPd2fbahGMOFy5SJiCeANlIGh27YgIZvwKpxPVuQgKbxooxjhjEwkK0oL"
    "195WokKQfnFtaSWJZJq1gdGF5QwxybZmacsuK1oGA1HnJS2RcuLVtaSqa0NxiwbTgRtLXG"
    "4WMKpD+cEHxKQgX8cewJ8/9BG4szwf7YPL8CilOP18Dzjhn9HWwSwXuLQyo2B5C97QhGUt"
    "jYtZ1NnP5N4uzn4eSkx9tJvwY/sR9RAbAXST8RK6pdsHdwl9H+tvEXxzJBJCPD6oG12sDC"
    "+Wc1DVSdDdBnCJgi7j+6/r6SWvnQPzVHjTMhD4H7Atf4CuqgpUCRAFR2QC5ouPkz9pnN9e"
    "TE9pDyOZ4JQW6pkbMJzCfNBTAoX6Fqj7vjV3IMvou4HfOJu+ApEMKqXK837250016qnj/W"
    "J6+SEZTrOCjbrWYMlk0crAg90snaqunM+AYVYY16krjyx/oRhUnkSdwrY59JR2Dtky4CRb"
    "iGOPCjfl5aoQZHo7uX47eXf2VCeiZ65tnoct8XtvcrAtknHq0Kshfdt7FX4p8USoLTOg+v"
    "Z1d11M47hIrG1xPF6+jd9hvY3fYdXG71D5THbvM1E7az768u6sPbx/0f1GbKdIVT5fn/P5"
    "UmbNhFL7KTKlSmupUmWuKnNVmaubzdUwy4hnriYpSJvMVTsZp8zVIX3bexXmKl78LHb+Mz"
    "/lPEei9CfrwIz7QGThj4dLaPy3nzfxNdAdJHZ+QJ5EiStDXPF7IW3lWQbDrVJZJ1kkVJWS"
    "MC/W5UpJ3Q4LJ/AOv4EUs4l3J89DOWaEbJnCzUozmHnkCmjWqVCrZiCzSBXAnI4MzSBmEy"
    "uQaZCzmugGILOJFcg0yFEVSDOMmbQKYhpi5QZrH9OV55qBgQTrsQtEClflXtyde5EhvC3g"
    "+imbSVJki99sS+XsLZSH0tXs8leKtoFaVC4qM1bEfmpLxq7juWTDq9OASoBm7jd+jW3u9l"
    "5lUCUcKFJlO3FAOBo8ehZC0AGWEx3thp8Av7fu+OSIa9cBuh9eJxWPcwgsBDy4cj3EOkdu"
    "6ym/OF8cUqzrYWFbg1Uwsy1/AX1guMslmdIEnvuIiV1Cb3lg5rm6aeg+gh64xQ8C9eUt+V"
    "XL/OKEixzQHRPgZWm58sFtMh/JfbiNDrmzTGBFD4MfgfymEXi+64EXt76Fl7Lbl7VLf6Nf"
    "J6OTyt/8zyXXVQVwLyuAM+bVjrSkFCrYoiqAnxbclb62sR4s48uv4suRbFXH1zeod13Ip9"
    "Iv+VIvb/olvbKL8J2mVQmYfU7AJJtoSGwCBL8xWF2xgNGEO0vCHP10FzjRPju2IkIrwd+P"
    "+pXtR32fkWbogQ9/Hg1ozSt5/p4mCS7xYjHstZyDi2+r5fxpKvttUK7nKhNC7QSe405AHZ"
    "0tG9cZ24Ky1/QJszJ7dLpZ+5as6FE5W52Q07sPpvsSlzDDUtOX5ChUhsKqytCkSbfO0RyO"
    "1dIoRTPCq8nBLGVK+Qq4Wj6dBelzRvCK7/5Kxu/e95WzzmaBZSPL8ffJ73VmiO3CIyZgmO"
    "WsEIfYo663xlLxENtIzYOP58lsF2SyAWr/WuHarHZKtYvebaA27hzNsPmzntJ8k9/LxiiL"
    "f2crjrL4le2nLH7F9TYs/mEcU3x19n+/4Vc9e7cbt377h9J50IDWQ8PGJgVSFVfrz+dU1q"
    "IexGaQ2cwTUaJVroj891Z2RUSANfyoCqTqo+rzR4UFn5iGDQ5QLVPK53LqqsWdqpfqoswv"
    "XsubnWTJI1dnWaoSqicpoSoJZAsIy39GKO8z3qKsShUFPZnvlNc2rIjnJh+qahwmnyNVdW"
    "LqYge1497hPVtjinv/k1pb/5OKnf8J47gqy+e3vKuwtYpk8oHdvlcwC3s2sbNydEpVcHuq"
    "aKImVkikYK1rWMWAtbDxl+4Q4/K+Py+Qm62rYkfZNgxXyXb3NMAlvdinHsNXboDwS14FNt"
    "tcyN2utheigZqXjFQGw5BUaZXBoDIv+NAPMwavMi+eI9frZF6okoDOSwJcT8z5kifZ3db/"
    "8GAoHRRJl5sHhtCeuq4NdYcNakZEQTrDVF1hmmwKdhtYP51OLwra5/ScPr33t4+nZ1cvDq"
    "kUB2Z/fKHE/2S8SvwvMKCNVhiqBqM3rCCNtRxmSQWfHXkaxZLWWYIfE79UFMU0SOKaZ7EC"
    "kXz+cCdQzOqUWR6c438asypHrhjVOqPIfd3G0JtQW3nwzvom9lHx6BWrWmdV1PpRxJLLKC"
    "S05doPkuWSZIS+AZpOyX7rsv8AHdMVzBEt0KjExY3xtQivFgJAv6cTDQvfusGfgmAJp9Lt"
    "IPJzDRH5J+I9O/qTDtmrEwHy86M3N0YGPh5sQ9JqGLywTHD48sewQ/C948584N5F7YKjuQ"
    "HW55YDwzbD5LJt3UFjjfUDoztye/OqeFS/4lFkZfdXtoUYCy8X3CLR7vyoR70GOefaI9hw"
    "ex1UuVIpSuVPre9P1Q0DrsIFUltaToBY2PMPFmQS7zBCMB5KhCA9G1CopLhItcOy4snFxf"
    "SPrjbj3ZcUh9lEj/gN3UfN1NciIs0m3qGyHopEq+A8H2q5gvMCzZ66NBaS02ZGDCshvVdp"
    "Hvj5USo5TJbNuKF7nsWqYeQvrDkSCdPx65Y9V1U9lxru4WH3xLZ2guVMDGwGqXygd5Kqkx"
    "x2LL7GFinVGtuXNbZO2mN2/rI432la1b+jP5upMqfzZz426CrBI1fVOZujByXsWggk0Gdu"
    "DhD1ujEFnuiJ1pW0WqivzqNsblXxivVpTDdbV6pgXz4TSxXst+9AUzXOnQaTEm0khC1FpZ"
    "DdvJHKO9W23D/lvXgDA7nuvokSMFXq3DrCvS51jlONGPusLAmJv8PKMp7U1mpQ6rNqa6VK"
    "m/nQy+vjU9FT2bjOi54WyrSwThcKU8Xj1UFyVKxEHSS361CUKnHeWUreI5wtXPdeCzxbRK"
    "IpMilDrDUFu1KyS6KdAOdDvKMSOvO7TCkl6u1oE4E0opzaWVnaPWRl8IkEBiYrCxvJw+ME"
    "NyJQGUTcEqwGUawhwpbvFrZtg+hihzIJwUoUXZxewKxkF0Hsj2i+d9F0db7Mvm25niRYR8"
    "PG8CMxkOU7lCi2rjt3LX3OnZLlwG8IW7EILlfk39Ffyu+0S79TwnNmgKTq4JgCmbJMN1qm"
    "8IEZHeFDnBJIaJu2D+/MNRlh6RusXDg1NfF4KcCt8o2d/XlTMEhLde2pa+xievkhGU4Xu1"
    "NR1WGcivjp7PLd+eWH0U5Euv0CpnhRFKrEy5HsLmo9lFolW/eR5kF/hX8Gajwh5oLLI1dN"
    "GjhQQ89jdWbga4kilXxOlK6OoqP30CXIq2NJDHKVMN6f+FE5bKiCxfwPbphhQxUsfo5crx"
    "MsfpoeUr1jsGxNpPoGcN28On4XKaEyj2S3YbvzVl3Ik2heiRiwS09ygt5mh3IO5/p+5WSP"
    "Wcu/PJo6EHyaXt+QDlk6SOYIO2Mt3EdgIQDJCeVRL61ILH/w8W3/EXp7wPXA42JN7nkQPO"
    "o+cFyH0Zyrqx+p4wPPu9vx9yTm+D615s/F9/2P8fjo6PX44OjVm5Pj169P3hyk2r98q2oZ"
    "OD3/QFaCwkq+2UMeC22jjRdNK+HWa7hbrfIOu7lvSLmFarmFhD1Cyhkk7AwyAy/q67sUEW"
    "CKShkNDOmtjJXyka0MlT5fZCvMsfzOaEuDTN4Ukz3KMqPkrE/1ThPoWcZixDAr4juVZoSe"
    "jVH1TkP6wqt21VhSfcFzAXIkUkTtqQTbk5M6CbYnJ/wEW3KPCiHjj0oA4Xi4hOh20gwN/y"
    "JiJvVUnLaUkez+vIWnsQJbO1lBIHO8/cXs+/8Dfi0wKQ=="
)
