case two in
  one)
    echo 1
    ;;
  two)
    echo 2
    ;;
esac
