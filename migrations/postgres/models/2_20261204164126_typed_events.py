from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "order_event" ADD "channel" VARCHAR(64) NOT NULL DEFAULT '';
        ALTER TABLE "order_event" ADD "about" JSONB;
        ALTER TABLE "order_event" ADD "assignees" TEXT;
        ALTER TABLE "order_event" ADD "assignee_message" VARCHAR(2000);
        CREATE INDEX IF NOT EXISTS "idx_order_event_created_7f6b30" ON "order_event" ("created_at");
        CREATE INDEX IF NOT EXISTS "idx_order_event_channel_137802" ON "order_event" ("channel", "id");
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
        DROP INDEX IF EXISTS "idx_order_event_channel_137802";
        DROP INDEX IF EXISTS "idx_order_event_created_7f6b30";
        ALTER TABLE "order_event" DROP COLUMN "channel";
        ALTER TABLE "order_event" DROP COLUMN "about";
        ALTER TABLE "order_event" DROP COLUMN "assignees";
        ALTER TABLE "order_event" DROP COLUMN "assignee_message";"""


MODELS_STATE = (
    "eJztXWtznDjW/iuq/jLJljdlt+0kOzs1VW3HyXjHcee1PZfaZArTIHezpqEjwE7Xbv77K3"
    "FHSDSioQ2yPiUGHTU853Ckc9V/R0vXhLb3arKyfoXr0Y/gvyNHX0L8H+rOHhjpq1V2nVzw"
    "9ZkdDtVXlnYfD5p5PtINH1++020P4ksm9AxkrXzLdcjgiQMmn84BHv8KTB17DXRw/cvk7+"
    "Pj12Chewvg3gHL94AHDQR9YOH/+S6C5isyu+kaeHrLmW8z0Rfni3OzgMmNhe6Y0ARuEI65"
    "dZee9tMqmNmWoVnmz9pPCN93lz/f/hPcppdvwZ3lmB7wF/CLg9zHPfK/6FdXyH2A4R2AoO"
    "eHjx041tcAar47h/g6wg//+S98GU8Bv0Ev+XN1r91Z0DYLXLBMMkF4XfPXq/DaueO/DwcS"
    "RGaa4drB0skGr9b+wnXS0Zbjk6tz6ECk+5BM76OAMMYJbDtmYcKr6EmzIdEj5mhMeKcHNm"
    "EvoY4eILs20rTL6Y12fXajaaMS6xOKHBPjS4brELHBj+qFbz8nj/D38cHRm6O3h6+P3uIh"
    "4WOmV958j346AyYiDOG5vBl9D+/rvh6NCDHOQMV8J0houl8G9x2+41tLyEa4SEkhbcakr5"
    "L/0LgnKFcBn1zIkM++o11Aj1/QJF9TzPIKnG/OP55d30w+fiI/t/S8r3aI3+TmjNwZh1fX"
    "1NUXr1+S6y5WEZHqSCcBf5zf/ALIn+Df08uzEF7X8+co/MVs3M2/R+SZ9MB3Ncd91HQzJ5"
    "3J1QQ1PDLjerAyG3K9SKm43heuJxjl2B4/fcb1VGeXmX660BGb4QUiit8YtyYcflqFutS/"
    "aTZ05v4C/3k4ruDv75Or018mVy8OxxTPLuM74/DW9wLI0VKqkQVQBGaKrB2gn/pTKkD9+q"
    "gG1K+PuFCTW0Wow38FME7GSwjueH+/Brp4FBfe8F4RX+TaQvgm4yXE9+B1DXgPaN2eoUtu"
    "FcG1XUMnz4Q1q1cG+V/X00s2yDQdvQRbhg/+B2zLK2112wJ99NNd4BjkGcAssGzfcrxX5P"
    "d+HnXEigroCU6F1TeB/MXHyZ80N04vpif0skomOKFYY2A7yIG2iOjnSBpJf7wC9lP429fc"
    "CD649432n0XKFvafPUN+uNvNspVh656vBV4jPtO0itN95vQDdEwXMS0LroemQLPZUdN/hr"
    "bhqiHOr7t7pqcmwqsM8HsXQWvu/ArXIc7n+Jl0x2BtxGI35u/pRMPC93siQcnV7BGR/pg6"
    "DIuChV8fvzT0QwCusKBfnZ9ioAnOM924f9SRqRUAJ3fcsUtdSceWby3HS/qK7ujzEB/yIu"
    "SxY+TfB/adZdtL6PhTZIbez5KTuTRmr8rdfJeN1tx0+EbH89SBQPc8LDYQ/uABD+9rIHES"
    "u/h6OM2PAH7DM9jr6NIdSLadQHdMECEc+pGhX/ZGtz77Zqfx53RfTMbjL8APvBEe8zn32e"
    "Svxv8nYBkGXPnabD36S3melee5F5puoD5I5Xl+jlyv43nO1G1tf2hKsTtv0mj66eyyKydG"
    "1/4k5AY+/n0NC5EXrYL13XY0pYQOvPF+XQ9ppYu05CON9zlNFBpFKqFGG64GKy9cKbdYHx"
    "dh9AYmM7+sApPlYjBhGv2tpFtt0S8lT6g8Qb3+TEJWNdOHRVLF5z7zeaUbzRz4BULF4z7z"
    "2FtYq1UjJhcpFZf7zGUE/wONZhqbIlV87j+fm9iHNKF8Ee7208Bi0JbQ8/S5WBZNiVI+vA"
    "/qWeMHVdb4AcMaN0jky7abeZUpWqXN+qzNcmlQArEZikpFnZMwTQZsGKATQzVP0gjSvrk1"
    "2sZUpUd0nx6RRr+3zI5Ig+4Dk9m62RH5j7WQHHE6uT6dvDsbMdVsC8Be5KYaluTWhZZaXT"
    "ipJ2XF0AK4KqenKqcnJ8+WAxlxyJOY7P2vV9BOpZQNNZ2gc4GnlEhflDxA5EW3hOw6nkYm"
    "mHaZJxaKWI1csUQUBfLFNDuh2ZQ0xodM1fT2K7Pqa6A7vuUzwmxcaPMkagvP2MInHu0G2L"
    "JId4fx/kAAztwvDSBmEyuQaZDL6l9IAfPIlcbgOlLI8trEm5KjU+hutv6ZefBb2lSsTPyB"
    "oV7XvOJ92JsdBMVNZBu+F8nsKRrq0ufNxvhpClTOTbhcuT50jPUVNPCjjhhWR3lQpclhZc"
    "M1lI2vVaNyu7J1A4ZicQtWEIEXcaHtHul19PLHsLeQhx+P/AkQ9APkeNnFEGt2fUprMzOM"
    "n8/5cmDSDOovZQ6pQpM+Kq2BlhyoQpPnyPU6hSZP0Lqhd9ztuHdD3N2wLrzxcAmh7abnDs"
    "Rv6on3j6LpJMS7fVFWuQ4qLN8rs7CHFqHzAB3fResLaM4hOnN8xOyNyxy3V2kXJhT4Cyck"
    "/QpCnVjz52J4/WM8Pjx8M94/fP32+OjNm+O3+6kOKN+qUgYn5x+IPiio383mGcaQ9B0mIu"
    "/rIpqYplPuftoFjffVED1AcWzLhArcMrjiifQSF1i3n0KP1wFWbhQf35RAvoT5jmyNO4hg"
    "vO2qL8Q5IgV0LaAd1xdrVBuPlw/e41rwHlfAe8yo+lAOXslcfXUcvDZ8gLZg+UeORBnvm4"
    "33EK8WjPeccRhPODCca2eA5wSsV50HKQ5UG/Axj+qZ7sngjfHca9817pM2gCvkmoHhA90P"
    "/0wy58ux2lpU5Bib29gevA17CN4mFswtHmmvAX5MBIinfw5B4iIAj5a/wKMxLct7cQsMHa"
    "E1fo4s7BuaQ94e8FwAdWMBwtcH8GuAXzk6AccLlslpO5Fbgx8kztdWxG+mIsUqUtxPDSjx"
    "RkJFimXjep1IcbxciDsclTesytXYwMmoAGUWHOh30F9rHtn/CIBKkylgaWCfrnNA77R7y8"
    "jGm1gxYItECtcaVvmT1GT3DeTuirITW2x7eD9lM0mKbvHr3aYwO80BoOLwAmXGvBwESbDv"
    "tOQ41QQM11BeS/CdQnm11J88DuUTUT4RZR0rn8iz53odnwgeiSfzNNGDVWk6+eLWnaQFJL"
    "CRYsCDJninhApwYcDHTQEfK8CFATeY7Rw2422wOzlIAPdB3QaoVf1PeXAjOGf6BzYDnlEq"
    "yIUgJyuxbmNEzUYrJ0UuH/jjetqlQrlwdYsbJIa+sHrJSCVEvA7gfLy5go5haibiCaF8UB"
    "/VEe4jvnAflYSbuLr8gKVL3tuuzotR5IgokO8I1fBgroD13fS3k4sz8Onq7PT8+jw+BT41"
    "psKb5BK+YCX+yMlFKRTkzBvAnKdSONfAWXRV3GoZ7Jl7ruMSVlFTfSsTvXeumO4tmHuLlS"
    "NSUe5uMTNEZMC3/TMrdcO3Hhjie+K6NtQdbpVPTERhPMNUXYGcqIzd6t6T6fSi4Do8OafK"
    "Ky9/+3hyhlF/WdTB7P6VXtTbi9XMtwpwmlTBXh/2lWXcBysNOgQFVplxFfBl4h1Cn14ZLv"
    "bIcpFYH9E8ye5SUQ72h5I7ZeqWvdYMfaWzPXpcYMuE6kgLTqJPnWyJUr/GlnvaD48V3KSJ"
    "vPhSdStbgiZtVRNrBWtDymQWLQQNaJGOCXGryO2QugonkQiqLlOXIrFi5C2l8sZPWkrbE2"
    "2uX5sAI/B8dwlR1P3zn2FZ2G3i3vzbLYiWOw/oCEYlY6TxO6kfi8eUq9tamnNzzlShJWku"
    "MQcP+4yNU90PPPqOSrNSaVa9UCoDTbhRaVbPkesqzap3LlyVZqXSrJ4H4CrNSqVZyQ25Sr"
    "NSaVY9Q1ylWak0K5X+o9Ksnh5nJ1jOWDW0FdlAKUUr2qJHmVbtt6NVR4t0nswGv/kQOTq7"
    "qyMfZopMvoWvE6Mx8/rXxTmj2J00jz6dXb47v/ww2g3QdUR6zBfpcUmkk/iOBpe6JaY8Sp"
    "QS6pDDWgbLYYXFclg2WVLkRB2sJUKlSmqpkoXuaUlgUosNkTLulbluvClUxptAxpsJbesB"
    "orW2hBg1oTWUQSqhumk/hdkIEOmGL+QXydNICPJhHY3O1+elfUow811fZ6yd76BhLXWbs1"
    "nJkdHh0YjuVUw/QMCrDElsQH6cXLw4ONobUwoj7yKhpJj0sbI18SNNSoTyrZgd6IwQNLtZ"
    "tgdF20Lkv2foDzfQX87viFfVRpymaRWn+8zpOE22WXNRNrHKkN/YCpMCjuFf7rAjZs+grt"
    "2ykSlsW7Ru7EExQk/3ZxuqEUy4XLk+sQTwBsrA0G1bkJBNeBXOJytykBRetFGMcEYmkhWl"
    "hWtvK1EhSL+4trSSRDLN2sDownKGmGRbs7RllxUtg4Go85KWSDnx6lpS1bWhuEWD6cCNJS"
    "43CxjVofzgAWJSkK9jD+DPH3o+uLOQ578Cl+FRSnH6+R5wwj+jrYNZLnBpZUbB8ha8oQnL"
    "WhoXs6izn8m9XZz9PJSY+mg34cf2I+ohNgLoJuMldEu3D+4Seh7W3yL45kgkhHi8Xze6WB"
    "leLOegqpOguw3gEgVdxvdf19NLXjsH5qnwpmX44H/AtrwBuqoqUCVAFByRCZgvPk7+pHE+"
    "vZie0B5GMsEJLdQzN2A4hfmgpwQK9S1Q9zxr7kCW0XcDv3E2fQUiGVRKlef97M+batRTx/"
    "vF9PJDMpxmBRt1rcGSyaKVgQe7WTpVXTmfAcOsMK5TVx5Z/kIxqDyJOoVtc+gp7RyyZcBJ"
    "thDHHhVuystVIch0Ork+nbw7e6oT0TPXNs/Dlvi9NznYFsk4dejVkL7tvQq/lHgi1JYZUH"
    "37ursupnFcX6xtcTxevo3fQb2N30HVxu9A+Ux27zNRO2s++vLurBHev+heI7ZTpCqfr8/5"
    "fCmzZkKp/RSZUqW1VKkyV5W5qszVzeZqmGXEM1eTFKRN5qqdjFPm6pC+7b0KcxUvfhY7/5"
    "mfcp4jUfqTdWDGfSCy8MfDJTT+28+b+Broji92fkCeRIkrQ1zxe/naClkGw61SWSdZJFSV"
    "kjAv1uVKSd0OCyfwDr+BFLOJdyfPQzlmhGyZws1KM5h55Apo1qlQq2Ygs0gVwJyODM0gZh"
    "MrkGmQs5roBiCziRXINMhRFUgzjJm0CmIaYuUGax/TFXLNwPAF67ELRApX5V7cnXuRIbwt"
    "4Popm0lSZIvfbEvl7C2Uh9LV7PJXiraBWlQuKjNWxH5qS8au47lkw6vTgErgz9xv/Brb3O"
    "29yqBKOFCkynbigHA0eESW70MHWE50tBt+AvzeuuORI65dB+heeJ1UPM4hsHyA4MpFPusc"
    "ua2n/OJ8cUixLsLCtgarYGZb3gJ6wHCXSzKlCZD7iIldQm8hMEOubhq650MEbvGDQH15S3"
    "7VMr844SIHdMcEeFlarjxwm8xHch9uo0PuLBNY0cPgRyC/aQTIcxF4cetZeCm7fVm79Df6"
    "dTI6qfzN/1xyXVUA97ICOGNe7UhLSqGCLaoC+GnBXelrG+vBMr78Kr4cyVZ1fH2DeteFfC"
    "r9ki/18qZf0iu7CN9pWpWA2bcEzJKD6WlyrRJnCcMsyPlR+CZBzm2jkqwG5eGs2qmqBec5"
    "LjjqhGbZuM5YfcrOuSdM/uvRIVrtG0yiJ7JsdRBL7z6Y7ispwkQ+TV+SEzcZCqsqEZAm3T"
    "oVcDib40aZgBFeTc7/KFPKVyfU8iEgvj5nxEj4XpZk/O5dLKOf7gIncrbPAsv2Lcd7RX7v"
    "59Hu5bo1x4uAYZazQhwSknDRGkvFQ2wjNY9xnSezXZDJBqj9a0UFsxId1ZV4t/HAuEExw+"
    "bPWhfzTX6UjVEW/85WHGXxK9tPWfyK621Y/MM4Dffq7P9+w6969q6r3WTXZ58haEDroWH/"
    "jAKpCt/053Mqa1EEsRlkNvNElGiVKyL/vZVdERFgDT+qAqn6qPr8UWHBJ6Zhg3M6y5TyuZ"
    "y66qSmynK6qCaL1/JmBybyyNWRiapS50kqdUoC2QLC8h9FyfuMt6jeUbUnT+Y75XWnKuK5"
    "yYeq+lPJ50hVDX+62EHtuEV1z9aY4t7/uNbW/7hi53/MOBXJ8vid1SpsrSKZfGC37xXMwp"
    "5N7KwcnVIV3NYdmqiJFRIpWOsaVjFgLWz8pTsrt7zvzwvkZuuq2Li0DcNVst09DXBJL/ap"
    "le2VG/j4Ja8Cm20u5G5X2wvRQA0lI5XBMCRVWmUwqMwLPvTDjMGrzIvnyPU6mReqJKDzkg"
    "AXiTlf8iS72/of7A+lUR9ppvLAENoT17Wh7rBBzYgoSGeYqitMk03BbgPrJ9PpRUH7nJzT"
    "h8T+9vHk7OrFAZXiwGzDLpT4n4xXif8FBrTRcUHVYPSGFaR/k8MsqeCzI0+jWNI6S/Bj4p"
    "eKopgGSVxDFisQyecPdwLFrE6ZheAc/9OYVTlyxajWGUXu6zaG3oTaCsE765vYR8WjV6xq"
    "nVVRh0ERSy6jkNCWaz9IlkuSEfoGaDol+63L/gN0TFcwR7RAoxIXN8bXIrxaCAD9nk40LH"
    "zrBn8KgiWcSreDyM819Mk/Ee/Z0Z90yF6dCJCXH725/y7w8GAbko624IVlgoOXP4aNaO8d"
    "d+YB9y7qShvNDbA+txwYdrMll23rDhprrB8YTXjbm1fFo/oVjyIru7eyLZ+x8HLBLRLtzo"
    "962GuQc649gg2310GVK5WiVP7U+v5U3TDgKlwgtaXlBD4Le/75dUziHUYIxkOJEKRH0AmV"
    "FBepdlhWPLm4mP7R1Wa8+5LiMJvoEb+h+6iZ+lpEpNnEO1TWQ5FoFZznQy1XcF6g2VOXxk"
    "JyqMmIYSWk9yrNAy8/SiWHybIZN3SELFYNI39hzZFImI5ft+y5quq51HAPD7sntrUTLGdi"
    "YDNI5QO9k1Sd5Exd8TW2SKnW2L6ssXXSHrNjfsX5TtOq/h392UyVOZ0/WrBBVwkeuarO2R"
    "w9KGHXQiCBPtpxgKjXjSnwRE+0rqTVQn117GFzq4pXrE9jutm6UgX78plYqmC/fQeaqnHu"
    "NJiUaCMhbCkqhezmjVTeqbbl/invxRsYyHX3TZSAqVLn1hHudalznGrE2GdlSUj8HVaW8a"
    "S2VoNSn1VbK1XazIdeXh+fip7KxnVe9LRQpoV1ulCYKh6vDpKjYiXqILldh6JUifPOUvIe"
    "4WzhuvdagGwRiabIpAyx1hTsSskuiXYCnAfxjoqxHm+GPKOUEvV2tIlAGlFO7aws7R6yMv"
    "hEAgOTlYWN5OFxghsRqAwibglWgyjWEGHLdwvbtkF0sUOZhGAlii5OL2BWsosg9kc037to"
    "ujpfZt+2XE8SrKNhY/iRGMjyHUoUW9edu5Y+507JcuA3H1uxPlyuyL+jv5TfaZd+p4TnzA"
    "BJ1cExBTJlmW60TOEDMzrChzglkNA2bR/emWsywtI3WLlwamri8VKAW+UbO/vzpmCQlura"
    "U9fYxfTyQzKcLnanoqrDOBXx09nlu/PLD6OdiHT7BUzxoihUiZcj2V3Ueii1Srbu+RqC3g"
    "r/DNR4QswFl0eumjRwoIYIsToz8LVEkUo+J0pXR9HRe+gS5NWxJAa5ShjvT/yoHDZUwWL+"
    "BzfMsKEKFj9HrtcJFj9ND6neMVi2JlJ9A7huXh2/i5RQmUey27Ddeasu5Ek0r0QM2KUnOU"
    "Fvs0M5h3N9v3Kyx6zlXx5NHQg+Ta9vSIcsHSRzhJ2xFu4jsHwAyQnlUS+tSCx/8PBt7xGi"
    "PeAi8LhYk3sIgkfdA47rMJpzdfUjdXzgeXc7/p7EHN8n1vy5+L7/MR4fHr4Z7x++fnt89O"
    "bN8dv9VPuXb1UtAyfnH8hKUFjJN3vIY6FttPGiaSXceg13q1XeYTf3DSm3UC23kLBHSDmD"
    "hJ1BZoCivr5LEQGmqJTRwJDeylgpH9nKUOnzRbbCHMvvjLY0yORNMdmjLDNKzvpU7zSByD"
    "IWI4ZZEd+pNCP0bIyqdxrSF161q8aS6gmeC5AjkSJqTyXYHh/XSbA9PuYn2JJ7VAgZf1QC"
    "CMfDJUS3k2Zo+Bd9ZlJPxWlLGcnuz1t4GiuwtZMVBDLH21/Mvv8/VAeqTQ=="
)
