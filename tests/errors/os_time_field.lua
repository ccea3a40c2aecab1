-- os.time requires year, month and day.
os.time{year = 2000, month = 1}
-- expect error: field 'day' missing in date table
