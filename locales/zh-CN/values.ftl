# values
