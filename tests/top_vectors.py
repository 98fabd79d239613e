"""The TOP signature's published test vectors, written once for every signer the tests check."""

from __future__ import annotations

OFFICIAL = {
    "method": "taobao.item.seller.get",
    "app_key": "12345678",
    "session": "test",
    "timestamp": "2016-01-01 12:00:00",
    "format": "json",
    "v": "2.0",
    "sign_method": "md5",
    "fields": "num_iid,title,nick,price,num",
    "num_iid": "11223344",
}
# What is signed for OFFICIAL: every name and value, sorted by name.
OFFICIAL_TEXT = (
    "app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.get"
    "num_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0"
)
OLDER_OFFICIAL = {
    "method": "taobao.user.seller.get",
    "timestamp": "2013-05-06 13:52:03",
    "format": "xml",
    "app_key": "test",
    "v": "2.0",
    "fields": "nick",
    "sign_method": "md5",
    "session": "test",
}
# (parameters, secret, sign method, signature)
VECTORS = [
    (OFFICIAL, "helloworld", "md5", "66987CB115214E59E6EC978214934FB8"),
    (OLDER_OFFICIAL, "test", "md5", "72CB4D809B375A54502C09360D879C64"),
    ({**OFFICIAL, "sign_method": "hmac"}, "helloworld", "hmac", "D56D7858309C31B6251083A874D48273"),
    (
        {**OFFICIAL, "sign_method": "hmac-sha256"},
        "helloworld",
        "hmac-sha256",
        "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8",
    ),
]
