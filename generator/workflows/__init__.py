"""What the commands do, as library calls: load → validate → compute → render → write."""
