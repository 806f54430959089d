class CatalogError(ValueError):
    """Bad reference data; the message always names the file and the entry."""
    def __init__(self, path, entry: str, problem: str) -> None:
        self.path, self.entry, self.problem = path, entry, problem
        super().__init__(f"{path}: {entry}: {problem}")
