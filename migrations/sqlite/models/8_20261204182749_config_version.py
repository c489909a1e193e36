from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# The tables routing reads as configuration (models/operations/routing_inputs.py): any
# row written in one of them gives config_version a fresh random version, in the writing
# transaction (see models.tables.ConfigVersion).
TABLES = ("location", "vendor", "routing_rule", "routing_settings")
EVENTS = ("INSERT", "UPDATE", "DELETE")


async def upgrade(db: BaseDBAsyncClient) -> str:
    triggers = "".join(
        f"""
CREATE TRIGGER "{table}_{event.lower()}_changes_config_version" AFTER {event} ON "{table}"
BEGIN
    INSERT OR REPLACE INTO "config_version" ("id", "version") VALUES (1, random());
END;"""
        for table in TABLES
        for event in EVENTS
    )
    return (
        """
        CREATE TABLE IF NOT EXISTS "config_version" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" BIGINT NOT NULL
) /* A single row (id 1) whose `version` changes whenever a table routing reads as */;
INSERT INTO "config_version" ("id", "version") VALUES (1, random());"""
        + triggers
    )


async def downgrade(db: BaseDBAsyncClient) -> str:
    triggers = "".join(
        f"""
DROP TRIGGER IF EXISTS "{table}_{event.lower()}_changes_config_version";"""
        for table in TABLES
        for event in EVENTS
    )
    return (
        triggers
        + """
DROP TABLE IF EXISTS "config_version";"""
    )


MODELS_STATE = (
    "eJztXXtz2za2/yoY/VPnjuqx5TjJpp3OyI+m3nUsr+20vRt3KIiELa4pUiVAK7q7/e4XAE"
    "mJD5AiKFImacx0JjWJA1K/Ax6cN/7TmzkGsvD+cG7+Ay17H8F/ejacIfo/iTt90IPz+fo6"
    "u0DgxOJD4dzUnoJBE0xcqBN6+QFaGNFLBsK6a86J6dhs8NAGw+sLQMfvg5FtLQEEt78Mvx"
    "8cvwNTiKfAeQAmwQAj3UUEmPT/iOMiY5/Nbjg6nd60H7eZ6N6+t++mKLwxhbaBDOB4fMzY"
    "mWHtx7k3sUxdM42ftB9det+Z/TT+AYxXl8fgwbQNDMgU3duus+iz//OfOnedZ8TvABdhwl"
    "/bs80/PaQR5xHR6y59+a9/0Mt0CvQN4fDP+ZP2YCLLiHHBNNgE/LpGlnN+7cImP/OBDJGJ"
    "pjuWN7PXg+dLMnXs1WjTJuzqI7KRCwli0xPXY4yxPcsKWBjyyn/T9RD/FSM0BnqAnsXYy6"
    "j9F1hf62na1ehOuz2/07ReivUhRYSJwSXdsdmyoa+K+a9/ZK/w/eDw7fu3H47evf1Ah/DX"
    "XF15/5f/6DUwPiGH5+qu9xe/Dwn0R3CM16BSvjMkNEjS4J7RO8ScITHCccoE0kZAuh/+Tx"
    "L3EOU84MMLa+TX39EuoKc/0GBfU8DyHJzvLj6f394NP1+zx80w/tPi+A3vztmdAb+6TFzd"
    "e/eGXXeoiPBFx2oS8NvF3S+A/Qn+Nbo65/A6mDy6/InrcXf/6rF3gh5xNNtZaNCIrM7wao"
    "gaHbnmujc3SnI9Tqm43hSuhxhF2B68/ZrrK5mdZvrpFLpihseIEvymuJXh8MsK1Bn8plnI"
    "fiRT+ufRIIe/vw5vTn8Z3uwdDRI8uwruDPitv2Ig+1upxjZAGZgTZNUA/dKfUgzqd28LQP"
    "3ubSbU7FYcav6vBMbh+A6COzg4KIAuHZUJL78Xx9d1LCl8w/EdxPfwXQF4D5OyfY0uuxUH"
    "13J0yN6JSlacBvnvt6MrMchJuuQWbOoE/BdYJk6pulWB3vvxwbN19g5g4pkWMW28z573U6"
    "8mVuRAz3CK7b4h5Hufh78nuXF6OTpJbqtsgpMEa3RqB9nIkln6EZJSqz/YAZu5+KuX3C56"
    "dp5K6Z9xygr0z4Yh3151M21lWBATzcOl+JykVZxuMqefkW04rtCyyPTQxGg2O2qaz9AqXD"
    "XM+fXwJPTU+HilAf7ZcZH5aP8DLTnOF/SdoK2LFLHAjfnraqJ24ftXuILCq+tXdOFi5TCM"
    "Lyz68+mPRoQDcEMX+s3FKQWa4TyB+tMCuoaWAfgCTaaO86Rhb7J6X4GqdhJM8/M/bpDFVb"
    "Ns6H/zp7yNzNhC1TiLERxVZ+BE0IzhnL41G8ySV6ANH/lPYs9mTwqgO2WL2vIBvkEUB0x6"
    "Ah+9aFg/z2GvRwg0N0Kx0XsfPIoiBShnCAYQPHjWg2lZM2QT4LgGcr+jVzGmnydCAFrMtb"
    "QEUNfRnDKb3nnyvePhkJRfv/pH3NsPpovJR37Rn5PKiyVz0CP3mVJ4NjGtwGfPwWChgNV8"
    "ey79mCDdlt/Qh9MR/0Y6CQISmz37X3uRl9f4yzNC+nzi4d4fyvG/S8d/gLqEjbOm2J2BT0"
    "X2P79QqX1+VpdxWbedTz9I7Ev5wm6UFYVypBQAeIYwpluGDMIRku5Z64cHhXyBbFg2ygcC"
    "b6C/HVCLbLKUW85xug4u6qNCiB/lAH6Uh3cZL0mctoNxui6Zz9DGC+SW4nSCVLlJWsFnOQ"
    "maIOvellWL/PRR00qoB2nK7kFel5aQsvDknIJZ5KX8g03bsmp2EAqN6y19hT+v5xyFU7YM"
    "9aJuw6ylF/Mgng5vT4dn58UciJZpoy0dhgJ31iWdtUNs2LXTkMNXzHEYIi3nPNSskGyjB/"
    "Fu5YOD+AkZ4MFxgWPT/1DazQfYtOnM33JTCHx1X3sR52f6W+A/6g+VqvuCHrs/PWgTkwhU"
    "x0xooyRqC11hnKeusIW+rc4SmUOhLkA9lJRSMMeJFK6bFcKoQN9ODcyIqrUM7qKaYHylif"
    "W/zUKkBu27Y6rfZg08Ikhl1fBa1UrHfjAff0Uu9pFIK5OxAfkqJB+qPUfGbq4bA5jibSHg"
    "OguwZxrg8A1YTB2MwDiYZwxYRuIjwvQ6XSz0KoCAP5PSeIQFlFmkmGmNKZWy0tnvbf8Hei"
    "4XHiHhRxDmsfaBn6/RD0k117PQ+i+MCPsX81q1M6obTSB9E/qyj4/0ZcDCNQkCJgF7M/Mx"
    "eMaHN31g2jyGzW6z16GA2hjq/gOxA2zHp3QBVeHvbao1U00YEMePiw+vL/wyttNL+j8Gmj"
    "kAI2TQiehlKhnwd5QzOnFck0IAbYP+elY69z37fA3w5Zo5GwG0LPbjPZvsg3OoT4Of7j+X"
    "R/JdhKfAr6mjK2w2oW9DfwHVx+mzoQ2gwZ7IVPmPdHQAPYX5CdE3nrAav8ivYiSEgmZZ9A"
    "3YKu+zAD0fZYSgoRldQSwpgL6xi9inhow+C+9zFt7bfGoAH+knykGCrIJPRxiDqWPxd6E4"
    "Q2sBl6yUkP+GmYlnkOhTVdvXQIMhIlMSHgjzMSctb0XUJR3rb4PB0dH7wcHRuw/Hb9+/P/"
    "5wsEI7fSsP9pOLTwz5ftQlmqGJvczmlHLZCfYnkVsve4sSOhY371Ije5129B2VGFPoIlaJ"
    "zHwTfJqPAH2jM1hL/9LDak/gEsrfFnixMiJpx0flsxfJXwqnYOPDtKU++BrJzYxeXSfM+P"
    "lTLH7DbwTvHQbtqDzzL69GRS5GHykcsH628HYka8fUn7y5hr7NTbrzsGerlCtVa90QKd3O"
    "qltVa/0auV6k1rol6ZWj6/OrXl3crTuzMrQX5TMsU5QdTEobFIvwD/Ii/ANBhD+hvEglK8"
    "VJOyjR2ivBBNlKIbdEHxdj9AYmC7+sGJO7xWDGtOS3EtXIpb6UKKFK6mv0ZxLUxpSRh3FS"
    "xecm83kO9XIl6zFCxeMm8xhPzfm8FJPjlIrLTeZyWLZYqrAiRqr43Hw+l7EPk4Tdy/+uvv"
    "FZAFqJfPs0ZffwrivfPshALedVTtAqadZsaQaNpfbguFoQyCmzewmnUHxvMt/TYTtZ+0M0"
    "geJ5C3iuO4bURpog694uWiSGkB1CSEUQInjRz4Kw/ChByCYz7p1Fvru8mYO6UK844TvStF"
    "IC3wSV6hGWBrZEiaUqq9yAqWpmV39pQlX1qV0vSt1ciCoSsxUAexmZql0rtyi0id0lo1Fg"
    "WjBUAK7qwFisgFpUXlt9QXWHxEdcGmxfft7xAqRU7If90C0huw2m6RJMu0xXz6rPz1qKEm"
    "nrxSvzsyFTNS7NyqlWRfHVG0BhLLsEtiJS5Q5JArwOvJSAWEysQN7c2kF1oqrXDSXfOkO1"
    "yyjhO1F9vrYyTuX6fIlXeVWeq47ZU0mot27ikOEKUI3VXtpquzDQbO4QZOvLG6RTPvcEJl"
    "t6UD/PXjPXwzV3Pb5QnfF4bkEd8W9qDObIBXvBiVx9dijyG7+tA6avx/4ELiKea+P1Rb5Q"
    "xTXGlc0s7LkWOTeMnRqtGqyp+txGCpmWVmqq+tzXyHVBik3K2/sCZzw2jrs1H/LINjQJeI"
    "PhHYS2nsN5gyZ1sgdNJ+k6iHf1S1ml2aiMkEbZ1M3riXhhPyObOO7yEhmPyD23ibvsiYxC"
    "0bh+rl0YUtAvnJE0K4KX10utY4bXDnqo9XPMM4oh67LIljyBMpI4SadiJemGzP7pj9LYpg"
    "kVuGlw1QmAtVYe8lasMviuCLpXIVGTrfGAXBSoXcUXcYRIAV0IaNshUhiH47sH73EheI9z"
    "4D0WFMsqB2/HXH1FHLwWekaWZOVRhEQZ75uNd45XBcZ7xDgMJmwZzoWLDyILTDpBfkdmPO"
    "NAvgEf8KiY6R4O3hjPvSWO/hS2cp67juHpBEDC/wyLNtKx2kJU7AyBcWAPjnkf6HFowYzp"
    "SGsJ+GEGQaf+0EUAFiaZAnZOwFjkvRgDHbrukh8zEIZ9uTmEeRd9xHr/858P0J8e/cls1L"
    "2NvRl7W3Zyl+/WyA4SR8t6gl+mIsUqUtxMCdhhRUJFirvG9SKR4mC7kHc4Km9YnquxhJNR"
    "ASqs1oAPiCw1zPQfCVCTZArY5jStaJx0rxjZQImVAzZOpHAtYJW/SDuApoFcXz+A0BbbHt"
    "7r9UwdRTf+9W7RE2CdA1A++T8rB6Ej2Nea+b+SBALXUFRKZDuFYidaNSaPQ/lElE9EWcfK"
    "J/LquV7EJ0JH0smwxv9O8T0n8SJB1724dS1pASFsrO7xsAzeK0IFuDTgg7KADxTg0oDrwl"
    "4Ym/HWxW0wOgD3YdG+8Xlt47PgdtGj0D+wGfA1pYJcCnK2E0NLurVzBnn3wB8Uky45wiVT"
    "tjheaOhLi5c1aQcRLwJ4Nt6ZC53CVG6Jh4Tdg/ptkcX9Nntxv00tbubqIp5IlvxsOTArRh"
    "EhSoD8wKjaB3MOrGejLyeX5+D65vz04vZidBU3pvhNdoleMEN/5PAyFQqyH0vAHKVSOBfA"
    "WXZX3GobbJh7ruYSVllTfSsTvXGumPotmCdTlCOSU+5uCjNEuoBv9Ud9Q52Yz4Lle+I4Fo"
    "J2ZpVPQJTAeEKp6gI5FBm7lb0no9FlzHV4cpEor7z68vnknKL+Ji6Dxc0/sd8YTdRiKw/w"
    "JKmCvTjs4SFNNkNBVGacB3yaeIfQr660F3vXdFy5JqxRkt2lohwetCV3yoCmtdR0OIdij1"
    "4msGlCdZpKGl4WEdP+T9K+jhHtTu3ofbk77bVIaU4lVBXJSkk1Fa344IX2LfnM5JToOk7U"
    "B20JWmerx0SaQhWrrMtLy0U6MllniqAl53ZI3fBJOgRVnSli/rIS5Iet1lt2ctiqDdTmOs"
    "Eh0D1MnBly/S6rP/Dyu3HoRv6fMfD3Pgygi/zSPHY6AavTC8akqwgrmnNzblqs9WskAYoO"
    "+0p3Y0g8LLoTT5oxDf9qZCrxAAoz/RaomJ3R93GM5MwqUU4lyjVCXLU0ZUolyr1GrqtEuc"
    "Y54VWinEqUex2Aq0Q5lSjXbchVopxKlGsY4ipRTiXKqQQulSj38jjb3mwiqoLOyedaUVQi"
    "LRqUK1d9Q2F1OEzt6YjoG0GuDcV9ObNhTpB1b+OrxWhcxxOK4rym2GGiwPX51dnF1afebo"
    "AusqQH2Ut6kFrSYeRIQzNoygmPFGUHZchRIYPlKMdiOUqbLCvkZB2sKUIlSgqJkinEWhjy"
    "1AJDJI17brZi1hQqZ1EiZ1EQ0S269AWkHRQ31Seh657LzjOQ8otEaToI8lERiZ4tz1N6ij"
    "chDoGCvfMM6eYMWhnKSoQsGR716fYD+hYCnmdIUgPy8/By7/Btf5AQGFEXSWIV84OvNflD"
    "aVKE3dsxa5AZ/jHj5bI9ErQVRP4bhn57A/3p/I5gVy3F6SSt4nSTOa0O6Ykc0lPwlJ7cY3"
    "pSexSBjwKj4u+3o6uMyoZgfPK7MXUC/gssE3fLgcyAiH0sIZp7n4e/J4E+vRydJL8CNsFJ"
    "AnNqDECWsiiDe5RGYV8e+yClv1zDaTGxqpra2B45AZwgYlVjl+SGQZ1VJ9BPtvEVLrYt2v"
    "k2oHCqoRbfhsopA83mVLGw9SU1yXQK3bbFU+sJb/h8XUUOGSapBjK+wM7pdB0HjFXVVQIV"
    "m6irKE0dq5L19ItjdXYlsWTfKjC6NO021jkUwojaMprrLKqA6Q4+dhWl3RZ1thKiBZpMHe"
    "dJC5xL5rZf3m/+fGdB9Kg7Om79tbARHSGrKjauRmyoj9UiOgwfvrFWdmQjMGZU/GFjMEcu"
    "2ONz9cETWr75uD66kv7pH3i5usLogjMxMbAdMmUoJyCv/gn3FFHKpR/C0zcdfhQnG9kHF2"
    "fnn69Hd+dXp/+rnY6ufr6k9kb2+ZmrmmL6YHVwpqp9baZQb2kVpKp9fY1cFwRKUgoIk7Yp"
    "duc0RERdzZKoJRHLRfSXYqJNIZ7KwJyk6yDe1Wcr+1qXlEYQJVGHFW72xq+UtC198F3z+v"
    "YTHvjouor53U+Ht6fDs/M8t3v9hg738GXaOKH/b6N5sxq40bC5oyYEJ/oOA6YCMBdTHzgW"
    "HUbAg+lisg+u6HwuCFSJPrD5nz5wRroFUCUzSjYAWjXyKduU58R8fC22yd8Gg6Oj94ODo3"
    "cfjt++f3/84WAlidK38kTSycUnJpVim0ABC6YltUG9Xkv3Wo6NBLrheKXIFAB3hjCm8lsG"
    "3whJByEeFEthGuSlMA0EKUx003Kk6jNXBN1LE6vF/pHNVVJ5StvnKcGJ4wlcONmgrwgU6l"
    "ugjjG1gJAofnOHvmUofTGiLoiUPMfY+e93+aiv/GKXo6tP4fAkK8SoayW2TBFtF3iwm61T"
    "xQiyGdBOb3GRGIFysSkXm3KxbXax8fywLA9bmDy2ycE2Dcdt8q9lY1vEw+VS5CBeCWR//a"
    "lu0zuNuMsXem5Z4dm0r77uZkGqHCzSDrJgP8jchpDKl7JrX4rSuLPR767GndidZdieIFX1"
    "ys1Jw8nh80QqHydBpkRpIVGqzFhlxiozdrMZy0t4sszYsL5nkxlrhePqNWPxk6fM1xcyX+"
    "lmaIqrs7ML4iMkSp6Kjnj213NRRSAY3kFnQPX5FX960CZyJ95GSdRyFSxX+ruINndNXeBm"
    "ye0LFydUneFQdFmnO8NBi7d1oBp/iVUsJt7dem7LwdhMheKKRDmYs8gV0KlNjnWYLQeyiF"
    "QBnNGBthzEYmIFchLkdQ/IEiCLiRXISZD9ZgLlMBbSKoiTECu3WPWYzl3H8HQi2S0uRqRw"
    "Ve7G3bkbBYu3Alyv1zN1FNn4N1tRs70KejEle+11uS2Tv89XgZrfdajLWDH7qao1dhvM1T"
    "W8ag+wsOZfWfGVoDHYpvAKCYYV6i5EBwPnAUAbBE1/HhyXN/gZs+7MY0AlBWEtgUikvDa4"
    "5WsnwMRgMYWE/cuSLt6kS3NrfI6wcVAAQCTwoxoHvVAcKGBF0ZhFMFzFLFRzC2VDvDy8rU"
    "9Z8MjE+Zbd3SJyO39f5QNl+lsMbcBHg4VrEoLo7mWv2+ZRWhtTcjoWQMyv+030gEno3jZ3"
    "XILTu+j2U97b9zZrk+FS9W0J5t7EMvEUYbrBzmZsSgOwDqaAOIzedMHEdaChQ8w25jF9EQ"
    "RnY/ZU07i3Ocvpdm4Auvhnc7pZh/Ox7MLxD/wVTIPt1oQ/cs6eqXsupvv+3hib9IMZZ+7h"
    "6VwO/nQ2Ouy5EX1ceF313mhk74018wrnLqwolCqgem+8LLhzuLSoHEzjm10/HyHZqoK+aV"
    "DvuoReFThkr/ruFjgkd3YZvidpVYlDk0scmBKNmHlB0DcBq3M2sCThzsocej8+eLavZwdW"
    "BLcS8L5/3Ma+f3Is0XToYfRTr0V7XsoOfhmbLYwLCey1SMgo21aLRKhqzS9XfsRd+hGVJv"
    "AaNQHVgLxrXBeoBek45AvWObysEK3ZkuX/SiAbju+gm6CWIlJes6DBmePZIoGVV/OQJN26"
    "6qE9VkupogcfL1/Z1qXqo9OU3SuRPirSLCW7V0ojznUuJT8i1tnEMy1i2nifPa82Q2wXHj"
    "EJwyxihdjMHnXcJV0Vz4GNVD6d5yKc7ZJN1kLpXygBal2drE473G3qU3Ckn8DmXx/2l23y"
    "u+sxyuLf2Y6jLH5l+ymLX3G9CoufQOIJ9ty8BIGQYodHc9yc//ML/annZ7tx6x++K6DGHy"
    "bZFunJ9y59+JiOzOeSrcNipCqu1pzPKS1FXUTNIKOcJyJFq1wR0e8t7YrwASv5UcVI1UfV"
    "5I+KLnxmGmrynXnTlN1zOdXVRFZluddROB/s5bz3C30ZOXyzyEth3bRFrQoK2lFQkLueK0"
    "D4MjJVu5ZwUYyzPuMtCpVVme2L+U6zGnPG8dzkQ91Na07lSN2lI1X1NqxDg9rx6RwN22Pi"
    "uv9xIdX/OEfzPxYcFGni7CayObZWnKx7YFfvFVyHPcvYWRE6JSoyu5RpsiYWJ1KwFjWsAs"
    "AqUPzXAeeWIVxc748uyM3WVbxnexWGa8e0+yTAKbnYpJL4G8cj9EfeeJbYXIjczrcX/IGa"
    "G45UBkObRGmewaAyL7Khb2cMXmVevEauF8m8UCUBtZcEOK6c8yVKsjvV//CgLT2JWZebZ8"
    "GiPXEcC0FbDOqaKAHphFLVhWmoFOw2sH4yGl3GpM/JRaJjy9WXzyfnN3uHiRQH4YkzUon/"
    "4XiV+B9jQBWtMFQNRmNYwRpr2cKSimx2RGkUSypnCX1N+qP8KKbOEtdcUxSIzOZP5gSKWb"
    "Uyy0WP9J/SrIqQK0ZVzih2H1oUegNpcxc9mN/kPqosesWqylnlt36UseTWFB205aoPkkWS"
    "ZKS+gSSdWvuVr/1nZBuOZI5ojEYlLm6Mr/l4VRAA+nU1UbvwLRr8iS0s6VS6HUR+bhFh//"
    "i8F0d/VkP6RSJAODp6c2NkgOlgC7FWw2DPNMDhm4+8Q/CT7UwwOyKAtwv25wZUnps24m2G"
    "2WXLfED6ksoHQXfk6uZV8ahmxaPYzo7nlkkEG28muHGi3flRjxoNcsS1x7DJ7HWQ50pNUC"
    "p/anF/KtR1NOcbpDYzbY+IsM9c0WLiHUYIBm2JEKxO25UqKY5T7bCseHh5OfqtLmW8/pJi"
    "nk20oL/QWWgGXMosaTHxDoV1W1b03NSfvLk2dehYSYxFpLtD+H1LAFbZD9lQdyv7QaKbVp"
    "3WWHhAXk9ghq3u9fPsLxwdpbLvdvY51J19B13XFBWJZmsuEZIO1jsUrSvPKytPdTSkw56Y"
    "88L2ZhM5sAWk3QO9llwoJrDmpfbYOKXaY5uyxxbJK6X7lvmM3FJ8T9KqBinNUabSnI4eU1"
    "2ibUcWuSp/2hyeSWFXQaQmeUx4C1EvGrTJWnqyhTuVdkJQR2iXt6qyuiEkMd1sXamOCN0z"
    "sVRHhOodaKqIvNZoXSiNpLBNUClkNytSUafalvpT1IvXMpCL6k2JBaZqyStHuNG15EEul0"
    "DPWmd5ZWtY65QypVq1SnzmqVaqdjwb+u76+FT0tGtcz4qexurgqEyXClMF49VJfYlYiTqp"
    "b9ehKFVDvrOcxwWaTB3nSfNcS2ZFJ8g6GWItuLBzV3ZqaYfAYUQ1KqlD1dOUnUS9GmkikU"
    "YUETtzU3tCovQ9mcDAcG5SI7l9nMiMCOQGEbcEq0QUq42wRduxbduBO94CroNghYIuSC8Q"
    "tgqQQew3f74zf7oufZl1eo+SqAncSAJgs/1JCa4uC3mWeiMbAcQONwUPjgsc+lekv8BHAI"
    "HvpvoOg2D+L64F6EgY/g2wN1nPmIC74unv7T30jf4ca8mnCorayMIBJgYYkTf74Gy1ptlt"
    "PoqJPUCc5NMBdBElssm9bdrANPyBfYCgPgXwgTAiOjujmiD69giYhL6NriNkIDaaQmpa9P"
    "/YL3t0HKNg8dzXyOFtNvpGqO1P0GzO/u3RoV/Xh2Ssx5lG7w/lyNulIy/8ioQRp7yjjmJk"
    "ytTfaOpz6SAD8Yqgg8Z+9fBOHEMQ57+jciejCiwY3wlw85yN57/fxSz8VCeGla/xcnT1KR"
    "yebM+QCFO34xzP6/Ors4urT72dLOnqS+6C/VKqdjRCsrs0gLZU11kQE81FeE4fg7SsRZwJ"
    "bha5aiuSATVyXVEvkWwpEafqnleqrsMTk+p1CvL84JyAXGXgNycgl47Dquh79gfXzjisir"
    "6/Rq4Xib4zvxZiLjtCpbTMZpoi3Nl+GulEFzj4uPMO73OTFu/rnusyv78OPYxqa09Xt8X5"
    "EicWN2xPrTz9OeIDlUyBTlMqgNMAqxaKqoViY3Kes1soCnPKk/GXLdENYk63iVm7CbVAPB"
    "ZM4q8A6Y7F45PYVlNIGprflvNYaZB66M/bQp2+CcHqEL3NMesIzsVD16HTpXgI+3p0e8cC"
    "vhCEc/DmplNnwaK2VKAiw2+Huoo3QxsvWLjXccFiumT3XAQWEAPbsQX9Vet6SJF4cTSiLx"
    "0JPjEfX0sw+G+DwdHR+8HB0bsPx2/fvz/+cLBSYdK38nSZk4tPTJ2JmTybQ8bBoi3liUjS"
    "dtAX0V7fQ9rlVD5YouIkhQwy6RCJio5IR0cMz/WPZpjJLOAElSqqFqze3OShbGRzc4deL7"
    "I5PoWoZlSN3SuRxNo0rIsaZol11qSKapHzIdvGSPooNhsYSV9JgfMabDC8vgBPaLnOUf3o"
    "p7SuTlUgztzUMbMB2HviPsC6M0cGoHo+P4EBLVl+6h6kU519vrhK2RY1POPe5rPxWaiZwm"
    "3xH6jhcj28ubs6vwHBXZM+IDia7zvM7v96fnU2it12FjZYOO7TG3U2RAPTVFXEOxv6dsY+"
    "VcT7NXK9SMRbsoJ0m8rRxnF1J6Wj8iWjW5aKNh7m6ivPfT0mjXHOSc4rit2fHfgy7rB6Ts"
    "j0a2/lTNI4kbJIN1ukAWIVGKSFy5ybhnBROzS+uMqHCFUZ60tGBocUeX3aE1jpwZ1+nmEO"
    "12NUE7Q2icB+jlFKvx4seRpzhKSLmtTxcRFN6vg4W5Ni95Ib+lwG4WB4B9Gt5YQUnh8sKk"
    "zNVlQjJEpTldRUJdrJVL+Z/fX/Ae/f5w=="
)
