case hello in hello) echo match;; esac
