"""Reading bureau workbooks: zip safety, xlsx/xls/ods cells, the forgiving reader."""
