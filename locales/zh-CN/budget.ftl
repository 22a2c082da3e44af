# budget
