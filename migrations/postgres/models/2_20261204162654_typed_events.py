from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "order_event" ADD "assignee_message" VARCHAR(2000);
        ALTER TABLE "order_event" ADD "about" JSONB;
        ALTER TABLE "order_event" ADD "assignees" TEXT;
        ALTER TABLE "order_event" ADD "channel" VARCHAR(64) NOT NULL DEFAULT '';
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
        ALTER TABLE "order_event" DROP COLUMN "assignee_message";
        ALTER TABLE "order_event" DROP COLUMN "about";
        ALTER TABLE "order_event" DROP COLUMN "assignees";
        ALTER TABLE "order_event" DROP COLUMN "channel";"""


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
    "43CxjVofzgAWJSkK9jD+DPH3o+uLOQ578Cl+FRSnH6+R5wwj+jrYNZLnBpZUbB8ha8oREr"
    "XlFnPZN7uzjreSgx9NFuwo3tR9BDbATQTcZL6IZuH9wl9Dysr0XwzZFICPF4v240sTKcWM"
    "45VSc/dxuwJQq6jO+/rqeXvPYNzFPgTcvwwf+AbXkDdE1VoEqAKDgeEzBffJz8SeN8ejE9"
    "oT2KZIITWqhnbsBwAvNBTwkU6lug7nnW3IEsI+8GfuNs+gpEMqiUKk/72Z831ainjvaL6e"
    "WHZDjNCjbqWoMlk0UrAw92s3SqOnI+A4ZZUVynjjyy9IViTnkSdera5lBT2ilkywCTbCGN"
    "PSq8lJerQlDpdHJ9Onl39lQnoGeubJ5HLfFzb3KoLZJx6pCrIX3bexV+KfHEpy0znvr2dX"
    "ddPOO4vlib4ni8fBu/g3obv4Oqjd+B8pns3meidtZ89OXdWSO8f9G9RmynSFX+Xp/z91Jm"
    "zYRS+SkypUprqVJlripzVZmrm83VMKuIZ64mKUebzFU7GafM1SF923sV5ipe/Cx2vjM/xT"
    "xHovQn64CM+0Bk4Y+HS2j8t5838TXQHV/svIA8iRJXhrji9/K1FbIMhlulsi6ySKgqI2Fe"
    "rMuVkbodFkrgHX4DKWYT706eh3KsCNkyhZuVZjDzyBXQrFOgVs1AZpEqgDkdGJpBzCZWIN"
    "MgZzXQDUBmEyuQaZCjqo9mGDNpFcQ0xMoN1j6mK+SageEL1l8XiBSuyr24O/ciQ3hbwPVT"
    "NpOkyBa/2ZbK11soB6Wr1+WvDG0Dtag8VGasiP3Uloxdx3PJhlenAZXAn7nf+DW1udt7lU"
    "GVcKBIVe3EAeFo8Igs34cOsJzoKDf8BPi9dccjR1q7DtC98DqpeJxDYPkAwZWLfNa5cVtP"
    "+cX54pDiXISFbQ1Wwcy2vAX0gOEul2RKEyD3ERO7hN5CYIZc3TR0z4cI3OIHgfrylvyqZX"
    "5xwkUO6I4J8LK0XHngNpmP5D7cRofaWSawoofBj0B+0wiQ5yLw4taz8FJ2+7J2qW/062Q0"
    "qfQlB9jlfy65riqAe1kBnDGvdqQlpVDBFlUB/LTgrvS1jfVgGV9+FV+OZKs6vr5BvetCPp"
    "V+yZd6edMv6ZVdhO80rUrA7FsCZsnB9DS5VomzhGEW5PwofJMg57ZRSVaD8nBW7VTVgvMc"
    "Fxx1IrNsXGesPmXn3BMm//Xo0Kz2DSbRE1i2Onildx9M95UUYSKfpi/JCZsMhVWVCEiTbp"
    "0KOJzNcaNMwAivJud9lCnlqxNq+dAPX58zYiR8L0syfvcultFPd4ETOdtngWX7luO9Ir/3"
    "82j3ct2a40XAMMtZIQ4JSbhojaXiIbaRmse4zpPZLshkA9T+taKCWYmO6kK823hg3JCYYf"
    "NnrYr5Jj/KxiiLf2crjrL4le2nLH7F9TYs/mGcfnt19n+/4Vc9e9fVbrLrs84QNKD10LB/"
    "RoFUhW/68zmVtSiC2Awym3kiSrTKFZH/3squiAiwhh9VgVR9VH3+qLDgE9OwwbmcZUr5XE"
    "5ddVJTZTldVJPFa3mzAxJ55OqIRFWp8ySVOiWBbAFh+Y+e5H3GW1TvqNqTJ/Od8rpTFfHc"
    "5ENV/ankc6Sqhj9d7KB23KK6Z2tMce9/XGvrf1yx8z9mnIpkefzOahW2VpFMPrDb9wpmYc"
    "8mdlaOTqkKbusOTdTECokUrHUNqxiwFjb+0p2NW9735wVys3VVbFzahuEq2e6eBrikF/vU"
    "yvbKDXz8kleBzTYXcrer7YVooIaSkcpgGJIqrTIYVOYFH/phxuBV5sVz5HqdzAtVEtB5SY"
    "CLxJwveZLdbf0P9ofSqI80U3lgCO2J69pQd9igZkQUpDNM1RWmyaZgt4H1k+n0oqB9Ts7p"
    "Q2J/+3hydvXigEpxYLZhF0r8T8arxP8CA9rouKBqMHrDCtK/yWGWVPDZkadRLGmdJfgx8U"
    "tFUUyDJK4hixWI5POHO4FiVqfMQnCO/2nMqhy5YlTrjCL3dRtDb0JtheCd9U3so+LRK1a1"
    "zqqow6CIJZdRSGjLtR8kyyXJCH0DNJ2S/dZl/wE6piuYI1qgUYmLG+NrEV4tBIB+TycaFr"
    "51gz8FwRJOpdtB5Oca+uSfiPfs6E86ZK9OBMjLj97cfxd4eLANSUdb8MIywcHLH8NGtPeO"
    "O/OAexd1pY3mBlifWw4Mu9mSy7Z1B4011g+MJrztzaviUf2KR5GV3VvZls9YeLngFol250"
    "c97DXIOdcewYbb66DKlUpRKn9qfX+qbhhwFS6Q2tJyAp+FPf/8OibxDiME46FECNIj6IRK"
    "iotUOywrnlxcTP/oajPefUlxmE30iN/QfdRMfS0i0mziHSrroUi0Cs7zoZYrOC/Q7KlLYy"
    "E51GTEsBLSe5XmgZcfpZLDZNmMGzpCFquGkb+w5kgkTMevW/ZcVfVcariHh90T29oJljMx"
    "sBmk8oHeSapOcqau+BpbpFRrbF/W2Dppj9kxv+J8p2lV/47+bKbKnM4fLdigqwSPXFXnbI"
    "4elLBrIZBAH+04QNTrxhR4oidaV9Jqob469rC5VcUr1qcx3WxdqYJ9+UwsVbDfvgNN1Th3"
    "GkxKtJEQthSVQnbzRirvVNty/5T34g0M5Lr7JkrAVKlz6wj3utQ5TjVi7LOyJCT+DivLeF"
    "Jbq0Gpz6qtlSpt5kMvr49PRU9l4zoveloo08I6XShMFY9XB8lRsRJ1kNyuQ1GqxHlnKXmP"
    "cLZw3XstQLaIRFNkUoZYawp2pWSXRDsBzoN4R8VYjzdDnlFKiXo72kQgjSindlaWdg9ZGX"
    "wigYHJysJG8vA4wY0IVAYRtwSrQRRriLDlu4Vt2yC62KFMQrASRRenFzAr2UUQ+yOa7100"
    "XZ0vs29bricJ1tGwMfxIDGT5DiWKrevOXUufc6dkOfCbj61YHy5X5N/RX8rvtEu/U8JzZo"
    "Ck6uCYApmyTDdapvCBGR3hQ5wSSGibtg/vzDUZYekbrFw4NTXxeCnArfKNnf15UzBIS3Xt"
    "qWvsYnr5IRlOF7tTUdVhnIr46ezy3fnlh9FORLr9AqZ4URSqxMuR7C5qPZRaJVv3fA1Bb4"
    "V/Bmo8IeaCyyNXTRo4UEOEWJ0Z+FqiSCWfE6Wro+joPXQJ8upYEoNcJYz3J35UDhuqYDH/"
    "gxtm2FAFi58j1+sEi5+mh1TvGCxbE6m+AVw3r47fRUqozCPZbdjuvFUX8iSaVyIG7NKTnK"
    "C32aGcw7m+XznZY9byL4+mDgSfptc3pEOWDpI5ws5YC/cRWD6A5ITyqJdWJJY/ePi29wjR"
    "HnAReFysyT0EwaPuAcd1GM25uvqROj7wvLsdf09iju8Ta/5cfN//GI8PD9+M9w9fvz0+ev"
    "Pm+O1+qv3Lt6qWgZPzD2QlKKzkmz3ksdA22njRtBJuvYa71SrvsJv7hpRbqJZbSNgjpJxB"
    "ws4gM0BRX9+liABTVMpoYEhvZayUj2xlqPT5IlthjuV3RlsaZPKmmOxRlhklZ32qd5pAZB"
    "mLEcOsiO9UmhF6NkbVOw3pC6/aVWNJ9QTPBciRSBG1pxJsj4/rJNgeH/MTbMk9KoSMPyoB"
    "hOPhEqLbSTM0/Is+M6mn4rSljGT35y08jRXY2skKApnj7S9m3/8fY1Sk+Q=="
)
