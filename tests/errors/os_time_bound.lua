-- os.time fields must fit in a C int.
os.time{year = 2000, month = 1, day = 2^31}
-- expect error: field 'day' is out-of-bound
