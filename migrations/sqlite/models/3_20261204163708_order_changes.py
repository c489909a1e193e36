from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "order_tag" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "tag" VARCHAR(64) NOT NULL,
    "order_id" INT NOT NULL REFERENCES "order" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_order_tag_tag_c85ea7" UNIQUE ("tag", "order_id")
) /* One tag of an order, for the `tags` filter (the order's `tags` column is what is read). */;
        ALTER TABLE "order" ADD "tags" JSON;
        ALTER TABLE "order" ADD "metadata" JSON;
        ALTER TABLE "order" ADD "note" VARCHAR(5000);
        CREATE INDEX "idx_fulfillment_accept__9562f2" ON "fulfillment_order" ("accept_by", "id");
        CREATE INDEX "idx_fulfillment_vendor__a7b8e4" ON "fulfillment_order" ("vendor_id", "accept_by", "id");
        CREATE INDEX "idx_fulfillment_assigne_5c4262" ON "fulfillment_order" ("assigned_at", "id");
        CREATE INDEX "idx_fulfillment_locatio_9b3e4b" ON "fulfillment_order" ("location_id", "accept_by", "id");
        CREATE INDEX "idx_order_updated_7f3a25" ON "order" ("updated_at", "id");
        CREATE INDEX "idx_order_channel_4e2a86" ON "order" ("channel", "updated_at", "id");
        CREATE INDEX "idx_order_deliver_af2347" ON "order" ("delivery_method", "created_at");
        CREATE INDEX "idx_order_hold_release_418a7b" ON "order_hold" ("released_at", "order_id");
        CREATE INDEX "idx_order_line_sku_7c1c51" ON "order_line" ("sku", "order_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_order_line_sku_7c1c51";
        DROP INDEX IF EXISTS "idx_order_hold_release_418a7b";
        DROP INDEX IF EXISTS "idx_order_deliver_af2347";
        DROP INDEX IF EXISTS "idx_order_channel_4e2a86";
        DROP INDEX IF EXISTS "idx_order_updated_7f3a25";
        DROP INDEX IF EXISTS "idx_fulfillment_locatio_9b3e4b";
        DROP INDEX IF EXISTS "idx_fulfillment_assigne_5c4262";
        DROP INDEX IF EXISTS "idx_fulfillment_vendor__a7b8e4";
        DROP INDEX IF EXISTS "idx_fulfillment_accept__9562f2";
        ALTER TABLE "order" DROP COLUMN "tags";
        ALTER TABLE "order" DROP COLUMN "metadata";
        ALTER TABLE "order" DROP COLUMN "note";
        DROP TABLE IF EXISTS "order_tag";"""


MODELS_STATE = (
    "eJztXX1zo7bW/yoa/9PsM7k7iZNstttOZ5xNus1tNs5Nsm3nbjpEBjnmCQYXRLKee/vdr8"
    "SLASEwYHCAnJnObAM6Av+OODrv+s9gbmnEcN6OFvqvZDn4gP4zMPGcsP8R7uyiAV4souv8"
    "AsUTwxuKF7ryGAyaONTGKmWXp9hwCLukEUe19QXVLZMPHplodHWO2Pi3aGwaS4TRzS+jfw"
    "yP3qEZdmbImiKdOsghqk0o0tn/Ucsm2ls+u2apbHrdfNhkojvzzrydkfDGDJsa0ZDlemPu"
    "rbmj/LhwJ4auKrr2k/Kjze5b85/uf0D3q8v3aKqbmoPojNyZtvW8y//Pf+rCtp6IdwfZxK"
    "Hea7um/pdLFGo9EHbdZi//9U92mU1BvhEn/HPxqEx1YmgJLugan8C7rtDlwrt2btKfvYEc"
    "kYmiWoY7N6PBiyWdWeZqtG5SfvWBmMTGlPDpqe1yxpiuYQQsDHnlv2k0xH/FGI1Gptg1OH"
    "s5tf8C0bWBolyOb5Wbs1tFGaRYH1LEmBhcUi2TLxv2qo736x/4K/xjuH94fPj+4N3hezbE"
    "e83VleO//UdHwPiEHjyXt4O/vfuYYn+Eh3EEKuM7R0LBNA3uKbtD9TmRI5ykFJDWAtK34f"
    "+IuIco5wEfXoiQj76jbUDPfqDGv6aA5Tk4355/Pru5HX2+4o+bO85fhoff6PaM3xl6V5fC"
    "1Z13b/h1i4kIX3SsJkG/n9/+gvif6N/jyzMPXsuhD7b3xGjc7b8H/J2wSy3FtJ4VrMVWZ3"
    "g1RI2NjLjuLrSKXE9SAtfbwvUQoxjbg7ePuL6S2Wmmf5xhW87wBJHAb4ZbFQ6/rECd42+K"
    "QcwHOmN/Hgxz+Pvb6PrjL6PrnYOhwLPL4M7Qu/V3AmR/K1X4BlgGZoGsHqBf+lNKQP3usA"
    "DU7w4zoea3klB7/5bAOBzfQ3CHe3sF0GWjMuH17iXxtS2jFL7h+B7iu/+uALz7omyP0OW3"
    "kuAalor5OzHJ6qRB/ufN+FIOskgnbsG6StF/kaE7KVW3LtAHP05dU+XvgCaublDddN7y5/"
    "00aIgVOdBznBK7bwj5zufRHyI3Pl6MT8RtlU9wIrBGZXaQSYwySz9GUmn1BztgOxd//ZLb"
    "Jk/WYyX9M0lZg/7ZMuS7q26mrQwDO1RxnUp8FmmB023m9BMxNcuWWhaZHpoEzXpHTfsZWo"
    "erhju/po9ST42PVxrgny2b6A/mr2Tp4XzO3gmbqkwRC9yYv60m6ha+f4crKLwavaKNn1cO"
    "w+TCYj+f/WhCPQCu2UK/Pv/IgOY4T7D6+IxtTckA/JlMZpb1qDjuZPW+ElXtJJjm51+vie"
    "GpZtnQ/+5PeRObsYOqcRYjPFStoRVDM4Fz+tZ8OBevYBM/eD+JP5s/KYDuI1/Uhg/wNWE4"
    "OHQg8dHLhu3mOezVGIFixyjWeu+DRzGkEOMMdRBGU9eY6oYxJyZFlq0R+zt21XHY50kIwg"
    "Z3LS0RVlWyYMxmdx5973g4JOXXr/8Rd+ZUtx36wbvoz8nkxZI76In9xChck+pG4LP3wOCh"
    "gNV8Ozb7mDDblt+wh7MR/09UGgQk1nv2vw5iL694L88J2fOp6wz+BMf/Nh3/AeolbJyIYn"
    "sGPhPZ//rCpPbZaVPGZdN2PvsgHV/KF3ajrCjAkVIA4DlxHLZllEE4RtI/a31/r5AvkA/L"
    "RnlP4g30twNmkU2W5ZZzkq6Hi/qgEOIHOYAf5OFdxUuSpO1hnK5P5jM2nWdiV+K0QApukk"
    "7wuZwEFcj6t2U1Ij991JQK6kGasn+QN6UlpCy8ck7BLPJK/sG2bVkNOwilxvWGvsKfoznH"
    "4ZQdQ72o2zBr6SU8iB9HNx9Hp2fFHIiGbpINHYYSd9YFm7VHbNi209CDr5jjMES6nPNQMU"
    "KytR7E25UPDjuPRENTy0aWyf4jaTcf4tOmM3+rTSHx1X0dxJyf6W/B+1F/QqruC3rs/nKx"
    "SXUqUR0zoY2TwBa6wjhPXeELfVOdJTYHoC5BPZSUpWBOEgGu6xXCuEDfTA3MiKp1DO6imm"
    "Bypcn1v/VCpAHtu2eq33oNPCZIy6rhTaqVKatIok/KLKdsRVJqu61XIMdmFNn9zkHODNuE"
    "F3tx9c+b5gMi39gMxtK/NEVh+ijCpob8TAmvHozQtG5Z++xFQsThFPHI8C76Gkt/iV+NYp"
    "J+iJq7yLwbwXuHflG2hvzLq1Gxi/FHSgdEz07dBhUYqtVaIWQ7WrcE1WqvketFqtU6kqAy"
    "vjq7HDTF3aZzUyyXsucrFXJUUpQ9DOsPi8VIhnkxkqEkRiLoJqXCvUnSHkq07kowSbw35J"
    "bs4+KMXsNk6ZeVYHK/GMyZJn4rcYW71JcSJ4S0iFZ/JkF2cRV5mCQFPreZzwusViv6SxAC"
    "j9vMY2emLxaVmJykBC63mcth4Uel1NQEKfC5/XyuYh+KhP3LoKu/dUwAWoWMxTRl//BuKm"
    "MxyOGp5lUWaEGatVmaxVqnlIjNCFRQqZ7O56iQ6AvJvWswhZYKzSfI1JUl3ffU6PXp0DIx"
    "WwOwF7GpurVyi0Ir7C4Z7SrSgqEGcKEPSLE0flmSd/1p/T0SH0lpsHkRRM/T4FL+M/5DN4"
    "TsJpimTzBtM6Mvq0okaymWyOwrXh+SDRl0UW9XXhqUZtRvAIXxgArYyki3h/FeRwCOnFcV"
    "IJYTA8jrC4ygHrpZN1T5Ai4o2oJq85evdSnqXqm1wqiP9pQI9calRBmuACjvf2mr7Vwj84"
    "VFiakur4nK+DyQmGzpQbt59poeDVfsaHyhUqz7hYFV4n1T92hBbLQT9IXf5UdzvfGbbjrs"
    "9fifyCbUtU0nuugtVHkZVm0zSyv/Y93r+dllUOYPNU6tFDIdrXaBGqfXyHVJSkLK2/sCJ4"
    "20jrsNHzUSHMZZFN5geA+hbeaIqKBVQtnjzkS6HuJd/1KGNBvICGmVTd2+zhzn5hMxqWUv"
    "L4j2QOwzk9rSo5yl43Zz7cKQgn3hnKRdEbwT/eG1GF7fD4cHB8fDvYN3748Oj4+P3u+tZE"
    "D6Vp4wODn/xOVBQvyuN88YhvyYbL7kKS4jiUU6iJWk24L5Z5CUxjZNCOCmwYVzKBqt3mD7"
    "gCwtL6fNdEjQv1qNhmyNKbFJoHYVX8QxIgC6ENCmRcudqxyM7x+8R4XgPcqB90hScAQO3p"
    "65+oo4eA3yRIySlUcxEjDe1xvvHl41GO8x4zCYsGM4Fy4+iC2w0gnyWzLjOQfyDfiAR8VM"
    "93Dw2njuDbXUx7Db5cK2NFelCFPvz7BoIx2rLUR1Z96Z94E9eO+1yrwPLZh7NtJYIvaaNu"
    "Ke/geCQhcBetbpjI1mtDLvxT1SsW0v+VGRq7CvZw45u8ixEMHqDHk/H5G/XPaT+ag703Hn"
    "/G15/3jfrZEdJI6X9QS/DCLFEClupwTssSIBkeK+cb1IpDjYLso7HMEbludqrOBkBECl1R"
    "p4SuhScbj+UwJUkQyAFYF9uaYVrZPuNSMbKLHlgE0SAa4FrPIXaQfQNpCb6wcQ2mKbw3sV"
    "zdRTdJNf7wY9AaIcgOrJ/1k5CD3BvtHM/5UkkLiG4lIi2ymUOPSjNXkc4BMBnwhYx+ATef"
    "VcL+ITYSPZZI7i/Z3ie07ihUDXv7h1I2kBIWy87nG/Ct4rQgC8NODDqoAPAfDSgKvSXhjr"
    "8VblbTB6APd+0d67ea13s+C2yYPUP7Ae8IgSIC8FOd+JscEQ1SrtnAJ5/8AfFpMuOcIlU7"
    "ZYbmjolxYvEWkPES8CeDbemQudwVRtiYeE/YP6sMjiPsxe3Iepxc1dXdSVyZKfDQtnxShi"
    "RALIU07VPZhzYD0dfzm5OENX12cfz2/Ox5dJY8q7yS+xC3rojxxdpEJB5kMFmONUgHMBnM"
    "vuihttgy1zzzVcwlrWVN/IRG+dK6Z5C+ZRl+WI5JS769IMkT7gW/9xqVil+pNk+Z5YlkGw"
    "mVnlExAJGE8YVVMghyJju7L3ZDy+SLgOT86F8srLL59Pzhjqb5IyWN780/Ebo8labOUBLp"
    "IC7MVhX+jqo7tQiMlRkJUZ5wGfJt4i9Ksr3cXe1i27XBPWOMn2UlH297qSO6Vh3VgqKl5g"
    "uUcvE9g0IZymkpHoUyRbItXssuYDAbrHisykifjyFepWNgStt1VNsh2sjlXW56VlE5XovG"
    "NC0CpyM6SuvUl6BFWTqUv+spLkLa3WW3bS0qo90fr6tRFSXYdac2L73T9/8MrC7kP35v/d"
    "I3+7cxC2iV8yxrvm8/qxYEy6uq2mOdfnTCVaksYSc9iwr8w4xdR1ZHeSyRy65l+NTSUfwG"
    "Bm3wITs3P2PpYmzgwJXJDA1Qpx1dFUHkjgeo1chwSu1jmHIYELErheB+CQwAUJXP2GHBK4"
    "IIGrZYhDAhckcEFiESRwvTzOpjufyKpzc/KMVhS1SIsW5XDV3+gWDi1pPE2OfKPENrG8X2"
    "Q2zAJZ/za+RozGKJ5QFOeIYnureXB1dnl6fvlpsB2giyzpYfaSHqaWdBg5Usgc6+WER4qy"
    "hzLkoJDBcpBjsRykTZYVcmUdrClCECWFRMkMO0oY8lQCQySNe24WXdYUkEtXIpdOEtEtuv"
    "QlpD0UN/UnR6uuzfvsl/KLxGl6CPJBEYmeLc9Teoo7oRbFkr3zlKj6HBsZykqMTAyP+nRv"
    "A/oOAp5nSDID8vPoYmf/cHcoCIy4i0RYxd6BzEr5w1JShP3bMRuQGf7x19WyPQTaGiL/LU"
    "O/u4H+dH5HsKtW4rRIC5xuM6fh8JjY4TEFT4/JPT4mtUdR/CAxKv55M76UIxyOF78bXaXo"
    "v8jQnX45kDkQiY8lRHPn8+gPEeiPF+MT8SvgE5wImDNjAPOUxTK4x2kA++rYByn91Rohy4"
    "mhmmdt214BOEnEqsHuvS2DOqtOYFdsLytdbBu0mW1B4VRLLb41lVMamS+YYmGqS2aSqQy6"
    "TYunogmvvfn6ihzhRWJ1FE6d8Yn6itLMMjZdUR5Iv1hGb1cSz12tA6ML3exi2n4hjJhqrt"
    "jWcx0w3eKHvqK03RrFTkL0TCYzy3pUAl+JvumX97s/32kQDOmPytZ8aae/8WXVd662xTVF"
    "ngpZDVxb6nk7I3495ncO4g4wLnl3EdtaiEPRVLcd+hZdekcKBsVSu8j0/vTVUi1d6FnLjD"
    "W3xj/RH15LceX3w+HBwfFw7+Dd+6PD4+Oj93sr4y59K8/KOzn/xA293bjdvb4E0wMwhX+2"
    "Cy8c38MQXv2pXXPiOEx6lME3RtJDiIfF3KTDPDfpUOImZSLTKpUDuiLonyu6kWSXsv5Q8I"
    "Vu7guF6vjsFd/NOuki1fG+RljK7x0ngVPq1ru7V51VNnRy982tuiu4uOPrKuHY/ji6+Tg6"
    "PXupE+Mjd1qW5RX62tYZXrNwXJOHgn1l0sog2FkJZH/9Qa+ZrfaaKZ/mtWF+V9u++qZLhS"
    "AZJFYMXrAaPLccHKycbVs5oHFno99fjVvYncuwXSCFbMU2ZyuumDUpVbggkIEoLSRKwYwF"
    "MxbM2PVmrJfxkGXGhukQ68xYIxzXrBnrPLpgvr6Q+co2Q12em5mdDhsjAXkqO3jEX89FFY"
    "FgeA+dAfVHPv9ysUnLncMQJ4HlKlmu7HdRZWHrqsTNklsVmiSEulASX9bpulBseEndTOOv"
    "sIrlxNtbz105roWrUJ4iUQ3mLHIAWna61qIayDJSADij/0Q1iOXEALIIclQBXgFkOTGALI"
    "Ls515Xw1hKCxCLEINbrH5MF7aluSotWSuaIAJcwd24PXejZPHWgOtVNFNPkU1+szWV2tZQ"
    "uiZW2va5is3f5+tAzS/S6jNW3H6qa43dBHP1Da/GAyy8VjIrvhLUUa4Lr9Bg2NrirLFJEB"
    "uMrCnCpl9UtYumlu0fncd7s9wjJikosdEOjZVdBbd87QTpDnqeYcr/5UkXb9IlWw0+RxIH"
    "+joIAIgFfqoWdkEcaMM4UMCKwuVa/nCIWRSIWYBtBjZESzTd1qYsuHRifcuueo7dzt9XvY"
    "Fl6p5HJvJGo2dbp5Sw3cv0D51lb8AgxKbDyNlYhB3vOj+F4IEgnbK9bWHZVHbC7cZT3pl3"
    "Ji+ftpn6tkQLd2Lozow4bIOdz/mUGuINHxC1OL1uo4ltYU3FDt+Y79mLEDy/50/VtTvTYz"
    "nbzjXEFv98wTbrcD6eXXjvH7+ra3y3pt4jF/yZqms7bN/fuXd09sHcZ+7h6VwO7+l8dHgy"
    "bvxx4XUo2m5l0XbEvMK5CysKUAUKqAJQFd8guAu8NJgcTOObXU4cI9moorhtUENJcWtY0e"
    "MCB3FnL8N3kRZKHNpW4pAyt17GNAjDDxKzIBaZyDYJYoGQRtOYwV21TXcVbDivccMJGoVV"
    "4HqSErjeFq5Ldp90uOsF0+lbdAhn/QZT2RPdNjrIrXUfTPO1il5qvILn/MRuicDKS60XST"
    "dOru+Oclwpt97Hq8r5YWnK/lXi1nyI2IscHlJJfgx+nLqm72yfuLpBddN5y5/302D767o2"
    "x0sJwyxmhZg8JGHZS7YqngIbqXrWyHk42wWfrIPSv1CeTVQECz3It5thEzTaltj8UQvubJ"
    "PfjsaAxb+1HQcsfrD9wOIHrtdh8VNMXcmemxeHDim2Z5wOrs/+9YX91LPTprTJps9OtYlK"
    "9KeKHaoSpBC+ac/nlJaiNmFmkFbNE5GiBVdE/HtLuyJ8wCp+VAlS+Kja/FGxhc9NwwrnfK"
    "cp++dyaqpXKSRTN1GfHezl1Y5HzSKHA1Ihb/1Fal9TC7IGhPt/8GzWZ7xBPSxUc76Y7zSr"
    "/2MSz3U+1O10gARH6jYdqdBCrwkNasuHQLRsj0nq/keFVP+jHM3/SHJSmO5k9yrNsbWSZP"
    "0Du36vYBT2rGJnxehAVGQ2w1LKmlgeEcBa1LAKAKtB8e/dmc9pvT++INdbV8nW4HUYrj3T"
    "7kWAU3KxTZXX15ZL2Y+8dg25uRC7nW8v+AMVOxwJBkOXRGmewQCZF9nQdzMGD5kXr5HrRT"
    "IvoCSg8ZIAyy7nfImTbE/139/rSutb3kzlSbJoTyzLINiUgxoRCZBOGFVTmIZKwXYD6yfj"
    "8UVC+pycC41BLr98Pjm73tkXUhykB5uUSvwPx0Pif4IBdXRcgBqM1rCC928ypSUV2eyI0w"
    "BLamcJe032o/wopsoT12xdFojM5k/mBMCsRpllkwf2T2VWxciBUbUzit/HBoNeI8rCJlP9"
    "W7mPKoseWFU7q/wOg2UsuYiih7Zc/UGyWJJMqW9ApIO1X/vafyKmZpXMEU3QQOLi2viaj1"
    "cNAaDfVhN1C9+iwZ/EwiqdSreFyM8Nofwfn/fy6M9qyG6RCJATH72+/y5y2GCD8I62aEfX"
    "0P6bD14j2kfTmji8E73XldafGzF5rpvE62bLLxv6lKhLJh8kTXjrmxfiUe2KR/Gd3VkYOp"
    "VsvJngJom250c9aDXIMdcexyaz10GeK1WgBH9qcX8qVlWy8DZIZa6bLpVhn7mi5cRbjBAM"
    "uxIhWB3qWqqkOEm1xbLi0cXF+PemlPHmS4q9bKJn9gutZ0XDyzJLWk68RWHdlRUNwflsqP"
    "sVnC/R7KlJYyE8JmwgsRJW93LNAyc+CpLD+qKMq9i2dVkNY/bGGiPpYTp+0bLnvKrnVMM9"
    "NuyR29amO5+UA1tC2j/QG0nVCU+pL7/HJilhj23LHlsk7ZHtW/oTsSvxXaSF/h3tUabSnI"
    "4f1luhq0QWOVTnrI8epLCrIZAgHpbcQdSLxhSyll7ZupJaC/XhIOHqVlVWsb6I6XrrCgr2"
    "+2diQcF+/Q40qHFuNJgUSqNS2ApUgOx6RSruVNtQf4p78ToGclG9SVhgUOpcO8KtLnUOUo"
    "0kelaUhJStYUUZT6BadUp85qlWUNqcDX1/fXwQPe0b17Oip4kyLSbTS4WpgvFwkJwQK4GD"
    "5LYdioIS562l5D2TycyyHhXXNsqsaIGslyHWggs7d2WnlnYInEOYRiXZj9dDHlH2EvV6pE"
    "mJNKKY2FnoyiORZfCVCQyMFjozkrvHicyIQG4QcUOwKkSxughbvFvYpg2ikx3KeghWKOiC"
    "9AJpJXsZxH735zv1p+vTl9mk90hETeJGkgCb7U8SuLos5FkajE2CCD97E00tG1nsr1j5+w"
    "eEke+m+s5BwfxfbAOxkTj8GznuJJpRgLvm6e/MHfKN/Rxj6U0V1FzRZwvpDnIIffMWna7W"
    "NL/tjeJiD1FLfDrCNmFEJr0zdRPpmj9wFxGszhCeUk7EZudUE8LeniCdsrdRVUI0wkczSH"
    "WD/R//ZQ+WpRWs7foaO1vMJN8os/0pmS/4vwM29Gt0hkM0TtcGf4Ijb5uOvPArkkac8k7i"
    "SZCBqb/W1PekQxmIVwQ9NPbrh3diaZI4/y2TOxlFSsH4XoCb52w8++M2YeGnGgWsfI0X48"
    "tP4XCxe4AQpu7GMZNXZ5en55efBltZ0vVXhAX7ZanSxhjJ9tIAulL8ZWCHKjZxFuwxRMla"
    "xJngZpFD14sMqIlty1pdZEuJJFX/vFJNne0nqtcpyPODcxJyyMBvT0AuHYeF6Hv2B9fNOC"
    "xE318j14tE31/i3NaWie7as2xjrraSmbZpSgA4DTA0koNGcq1Jrc1uJCdNXRbd/BuiG4Q2"
    "boRZ+wm1RDwWzBWvAemehX1FbOupVwytPMN6qDUWOvLn7aDq2IaYaIje+tBoDOfiEdLQti"
    "8eKb0a39zyuCJG4Rxei8eZ9cyDg0ygEs1vCrkKa2LTeeZRRctGz7Mlv2cT9IwdZFqmpMtk"
    "Uw8pEpaMB45LBxxP9IfXEnP8fjg8ODge7h28e390eHx89H5vpcKkb+XpMifnn7g6sxu3oN"
    "ZHJoNFW8ngFWl7aPJ218RNezaq++TBHV/IICvtiQcnfGknvObafoP6eZkFLFBB7a5k9ebm"
    "qGQjm5ui8nqRzfEpxDWjeuzeErmSbcO6qGEmrLM2Fe7KnA/ZNoboo1hvYIi+kgJd6000uj"
    "pHj2QZpUJ+8DMnV73lqbXQVYfbAPw9nV3kqNaCaIjp+V4ferLkaZA7mE11+vn8MmVbNPCM"
    "O9ObzZuFmSmeLf4DM1yuRte3l2fXKLirswcEB5R95/D7v51dno4Tt61nEz1b9uMb6JDfwm"
    "xICKxmQ9/NEBsEVl8j14sEVksWKm5SoNg6rm6lQrF8ZeKGFYmth7n+Amdfj0ljnHOe7Ypi"
    "+yeovYw7rJlzAv0Sz3ImaZIILNL1FmmAWA0GaeFq2rYhXNQOTS6u6iFCqJZ8ycjgiCGvzg"
    "YSKz24s5tnmONoDPTa6pII3M0xStnX45Q8kzZG0kdN6uioiCZ1dJStSfF74oa+KINwMLyH"
    "6DZyEAd7IpXWP2YrqjES0FRLaqolupbUv5n9/T9T9R0Q"
)
